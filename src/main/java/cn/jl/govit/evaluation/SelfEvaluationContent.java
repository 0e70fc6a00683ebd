package cn.jl.govit.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a self-evaluation report says (Art. 28): the day the evaluation was carried out, whether the construction
 * goals were achieved, investment and benefits, operation and use, information sharing and integration, problems and
 * measures, and the report document stored for the project. {@link SelfEvaluationReportPolicy} names what is missing.
 */
public record SelfEvaluationContent(LocalDate evaluatedOn, String goalsAchieved, String investmentAndBenefits,
        String operationAndUse, String sharingAndIntegration, String problemsAndMeasures, UUID documentId) {
}
