package cn.jl.govit.expert.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** The rules this module enforces: expert review and its five aspects (Art. 10), the sharing analysis (Art. 13 (3)). */
@Component
class ExpertRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-10"), RuleDefinition.of("ART-13-3"));
    }
}
