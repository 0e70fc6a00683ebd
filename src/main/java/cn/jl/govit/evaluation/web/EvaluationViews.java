package cn.jl.govit.evaluation.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationContent;
import cn.jl.govit.evaluation.SelfEvaluationStatus;
import cn.jl.govit.evaluation.SelfEvaluations;

/** How the API shows the records of the evaluation module where the record itself is not the shape. */
final class EvaluationViews {

    private EvaluationViews() {
    }

    /** A self-evaluation report as it stands, its parts flat as they were submitted. */
    record SelfEvaluationView(UUID id, UUID projectId, SelfEvaluationStatus status, int revision, LocalDate windowStart,
            LocalDate dueDate, LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, boolean late,
            String decisionOpinion, LocalDate decidedOn, LocalDate evaluatedOn, String goalsAchieved,
            String investmentAndBenefits, String operationAndUse, String sharingAndIntegration,
            String problemsAndMeasures, UUID documentId, long version) {

        static SelfEvaluationView of(SelfEvaluation s) {
            SelfEvaluationContent c = s.content();
            return new SelfEvaluationView(s.id(), s.projectId(), s.status(), s.revision(), s.windowStart(), s.dueDate(),
                    s.firstSubmittedOn(), s.lastSubmittedOn(), s.late(), s.decisionOpinion(), s.decidedOn(),
                    c.evaluatedOn(), c.goalsAchieved(), c.investmentAndBenefits(), c.operationAndUse(),
                    c.sharingAndIntegration(), c.problemsAndMeasures(), c.documentId(), s.version());
        }
    }

    /** The self-evaluation window of a project in operation (Art. 28). */
    record WindowView(LocalDate operationStartedOn, LocalDate windowStart, LocalDate dueDate, String state,
            String obligationStatus) {

        static WindowView of(SelfEvaluations.Window w) {
            return new WindowView(w.operationStartedOn(), w.opensOn(), w.dueOn(), w.state().name(), w.obligationStatus());
        }
    }
}
