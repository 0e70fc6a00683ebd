package cn.jl.govit.supervision;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 31: supervision by each body in its duty area, with the rectification window that shapes it. */
@Component
class SupervisionRules implements RuleSet {

    private final PolicyParameters parameters;

    SupervisionRules(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(new RuleDefinition("ART-31",
                Map.of("rectificationWindowMonths", parameters.rectificationWindowMonths())));
    }

    SupervisionDutyPolicy policy() {
        return new SupervisionDutyPolicy(parameters.rectificationWindowMonths());
    }
}
