package cn.jl.govit.change;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 23: change control, with the filing threshold and its basis as parameters of ART-23-1. */
@Component
class ChangeRules implements RuleSet {

    private final PolicyParameters policy;

    ChangeRules(PolicyParameters policy) {
        this.policy = policy;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-23"),
                new RuleDefinition("ART-23-1", Map.of("change-filing-threshold", policy.changeFilingThreshold(),
                        "change-threshold-basis", policy.changeThresholdBasis().name())),
                RuleDefinition.of("ART-23-2"), RuleDefinition.of("ART-23-3"));
    }
}
