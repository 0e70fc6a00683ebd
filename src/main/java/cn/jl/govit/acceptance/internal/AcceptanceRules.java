package cn.jl.govit.acceptance.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 27: extensions of late acceptances, and rectification within its window after a failed acceptance. */
@Component
class AcceptanceRules implements RuleSet {

    private final PolicyParameters parameters;

    AcceptanceRules(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(new RuleDefinition("ART-27",
                Map.of("rectificationWindowMonths", parameters.rectificationWindowMonths())));
    }
}
