package cn.jl.govit.approval.decision;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 13: the approval reply gives an opinion on the information-sharing analysis. */
@Component
class DecisionRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-13-4"));
    }
}
