package cn.jl.govit.construction;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** The rules of the construction phase this module enforces (Art. 14, 21, 22). */
@Component
class ConstructionRules implements RuleSet {

    private final PolicyParameters policy;

    ConstructionRules(PolicyParameters policy) {
        this.policy = policy;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-14"),
                new RuleDefinition("ART-21", Map.of("contractWarningShare", policy.contractWarningShare())),
                new RuleDefinition("ART-22", Map.of("progressReportPeriodMonths", policy.progressReportPeriodMonths(),
                        "seriousDelayMarginMonths", policy.seriousDelayMarginMonths())));
    }
}
