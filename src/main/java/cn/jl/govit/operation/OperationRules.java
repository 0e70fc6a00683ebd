package cn.jl.govit.operation;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/**
 * Art. 35 (the unit runs the system, contractors maintain it by contract, the authority supervises) and Art. 36
 * (periodic security risk and cryptography assessments), with the periods that shape the latter.
 */
@Component
class OperationRules implements RuleSet {

    private final PolicyParameters parameters;
    private final OperationProperties properties;

    OperationRules(PolicyParameters parameters, OperationProperties properties) {
        this.parameters = parameters;
        this.properties = properties;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(
                new RuleDefinition("ART-35", Map.of("contractRenewalNoticeDays", properties.contractRenewalNoticeDays())),
                new RuleDefinition("ART-36", Map.of(
                        "securityAssessmentPeriodMonths", parameters.securityAssessmentPeriodMonths(),
                        "cryptoAssessmentPeriodMonths", parameters.cryptoAssessmentPeriodMonths())));
    }
}
