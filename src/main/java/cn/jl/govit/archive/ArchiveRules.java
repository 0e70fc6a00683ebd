package cn.jl.govit.archive;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 24: archive acceptance by the Archives Bureau, and no final acceptance without it. */
@Component
class ArchiveRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-24"));
    }
}
