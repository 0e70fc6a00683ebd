package cn.jl.govit.obligation.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/**
 * The rule whose deadline this module derives by itself: initial acceptance within the approved construction
 * period (Art. 26). The annual report rule (Art. 20) is registered, with its parameters, by the performance
 * module that enforces its content.
 */
@Component
class ObligationRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-26"));
    }
}
