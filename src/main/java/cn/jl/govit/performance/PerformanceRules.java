package cn.jl.govit.performance;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 20, with the parameters that shape it: the construction period beyond which reports are due, and the day. */
@Component
class PerformanceRules implements RuleSet {

    private final PolicyParameters parameters;

    PerformanceRules(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(new RuleDefinition("ART-20", Map.of(
                "performanceReportMinConstructionMonths", parameters.performanceReportMinConstructionMonths(),
                "performanceReportDue", parameters.performanceReportDue())));
    }

    PerformanceReportPolicy policy() {
        return new PerformanceReportPolicy(parameters.performanceReportMinConstructionMonths(),
                parameters.performanceReportDueDay());
    }
}
