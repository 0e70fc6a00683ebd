package cn.jl.govit.planning;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/**
 * The rules this module adds. It also cites ART-7 and ART-15, registered by the project module, and ART-12,
 * registered by the approval module.
 */
@Component
class PlanningRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-6"));
    }
}
