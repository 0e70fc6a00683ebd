package cn.jl.govit.upgrade;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 29: the route of an upgrade of a system in operation and its steps. */
@Component
class UpgradeRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-29"));
    }
}
