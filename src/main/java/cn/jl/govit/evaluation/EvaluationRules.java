package cn.jl.govit.evaluation;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/**
 * Art. 28 (self-evaluation window, third-party post-evaluation) and Art. 32 (evaluation results lead to
 * rectification), with the parameters that shape them.
 */
@Component
class EvaluationRules implements RuleSet {

    private final PolicyParameters parameters;

    EvaluationRules(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(
                new RuleDefinition("ART-28", Map.of(
                        "selfEvaluationWindowStartMonths", parameters.selfEvaluationWindowStartMonths(),
                        "selfEvaluationWindowEndMonths", parameters.selfEvaluationWindowEndMonths())),
                new RuleDefinition("ART-32", Map.of("rectificationWindowMonths", parameters.rectificationWindowMonths())));
    }

    SelfEvaluationWindow window() {
        return new SelfEvaluationWindow(parameters.selfEvaluationWindowStartMonths(),
                parameters.selfEvaluationWindowEndMonths());
    }
}
