package cn.jl.govit.evaluation;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 28: the self-evaluation report the unit sends to the approval authority covers the achievement of the goals,
 * investment and benefits, operation and use, sharing and integration, problems and measures, and comes as a
 * document. Every missing part is named at once (item = the part); never throws.
 */
public final class SelfEvaluationReportPolicy {

    /** The parts in the order the report presents them. */
    public static final List<String> PARTS = List.of("goalsAchieved", "investmentAndBenefits", "operationAndUse",
            "sharingAndIntegration", "problemsAndMeasures", "documentId");

    private SelfEvaluationReportPolicy() {
    }

    public static List<Violation> completeness(SelfEvaluationContent c) {
        List<Violation> violations = new ArrayList<>();
        missing(c.goalsAchieved(), "goalsAchieved", violations);
        missing(c.investmentAndBenefits(), "investmentAndBenefits", violations);
        missing(c.operationAndUse(), "operationAndUse", violations);
        missing(c.sharingAndIntegration(), "sharingAndIntegration", violations);
        missing(c.problemsAndMeasures(), "problemsAndMeasures", violations);
        if (c.documentId() == null) {
            violations.add(part("documentId"));
        }
        return violations;
    }

    private static void missing(String value, String part, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(part(part));
        }
    }

    private static Violation part(String part) {
        return Violation.of(SelfEvaluationWindow.RULE, part, "violation.ART-28.missing-part",
                new MessageKey("evaluation.field." + part));
    }
}
