package cn.jl.govit.funding;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/**
 * The rule this module registers: the split by level (Art. 25). It raises ART-21 as well, which the construction
 * module registers.
 */
@Component
class FundingRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-25"));
    }
}
