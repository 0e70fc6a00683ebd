package cn.jl.govit.document.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** The rules this module enforces: classified documents stay off the platform (Art. 8). */
@Component
class DocumentRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-8"));
    }
}
