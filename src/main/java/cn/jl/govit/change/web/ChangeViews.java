package cn.jl.govit.change.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.jl.govit.change.Baseline;
import cn.jl.govit.change.BaselineComparison;
import cn.jl.govit.change.ChangeAssessment;
import cn.jl.govit.change.ChangeAssessmentResult;
import cn.jl.govit.change.ChangeReason;
import cn.jl.govit.change.ChangeRequest;
import cn.jl.govit.change.ChangeRoute;
import cn.jl.govit.change.ChangeStatus;
import cn.jl.govit.change.StoredChange;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;

/** Change requests, assessments and baselines as the API and the pages show them. */
final class ChangeViews {

    private ChangeViews() {
    }

    /**
     * The route of a change with every reason (rule, article, message with the figures); {@code mayRequest} and
     * {@code refusals} say whether a request would be accepted now.
     */
    record AssessmentView(ChangeRoute route, BigDecimal threshold, BigDecimal cumulativeAdjustment,
            BigDecimal approvedEstimate, List<CitationView> reasons, boolean mayRequest, List<CitationView> refusals) {

        static AssessmentView of(ChangeAssessmentResult result, CitationMessages messages, Locale locale) {
            ChangeAssessment a = result.assessment();
            return new AssessmentView(a.route(), a.threshold(), a.cumulativeAdjustment(), result.approvedEstimate(),
                    a.reasons().stream().map(r -> messages.view(r, locale)).toList(), result.mayRequest(),
                    result.refusals().stream().map(v -> messages.view(v, locale)).toList());
        }
    }

    /** A change request with its route and reasons as assessed when it was filed, and what became of it. */
    record ChangeRequestView(UUID id, UUID projectId, int number, ChangeStatus status, long version, ChangeRoute route,
            BigDecimal threshold, BigDecimal cumulativeAdjustment, List<CitationView> reasons,
            BigDecimal adjustmentAmount, BigDecimal newTotalInvestment, BigDecimal approvedEstimate,
            boolean goalsUnchanged, ChangeReason reason, String description, String requestedBy, Instant requestedAt,
            LocalDate requestedOn, UUID submissionId, String acknowledgedBy, Instant acknowledgedAt,
            BigDecimal approvedTotalInvestment, String decisionDocumentNumber, LocalDate decidedOn, String decidedBy) {

        static ChangeRequestView of(StoredChange stored, CitationMessages messages, Locale locale) {
            ChangeRequest c = stored.request();
            ChangeAssessment a = stored.assessment();
            return new ChangeRequestView(c.id(), c.projectId(), c.number(), c.status(), c.version(), c.route(),
                    a.threshold(), a.cumulativeAdjustment(), a.reasons().stream().map(r -> messages.view(r, locale)).toList(),
                    c.facts().adjustmentAmount(), c.facts().newTotalInvestment(), c.facts().approvedEstimate(),
                    c.facts().goalsUnchanged(), c.facts().reason(), c.description(), c.requestedBy(), c.requestedAt(),
                    c.requestedOn(), c.submissionId(), c.acknowledgedBy(), c.acknowledgedAt(),
                    c.approvedTotalInvestment(), c.decisionDocumentNumber(), c.decidedOn(), c.decidedBy());
        }
    }

    /** A baseline; {@code changeRequestId} and {@code changeNumber} name the change that set it. */
    record BaselineView(int number, Baseline.BaselineKind kind, BigDecimal approvedEstimate, int constructionPeriodMonths,
            BigDecimal adjustmentsInForce, UUID changeRequestId, Integer changeNumber, String description,
            LocalDate establishedOn) {

        static BaselineView of(Baseline b) {
            return new BaselineView(b.number(), b.kind(), b.approvedEstimate(), b.constructionPeriodMonths(),
                    b.adjustmentsInForce(), b.changeRequestId(), b.changeNumber(), b.description(), b.establishedOn());
        }
    }

    /** Two baselines compared: the fields that differ and the changes between them. */
    record ComparisonView(BaselineView from, BaselineView to, List<BaselineComparison.Difference> differences,
            List<ChangeRequestView> changes) {

        static ComparisonView of(BaselineComparison c, CitationMessages messages, Locale locale) {
            return new ComparisonView(BaselineView.of(c.from()), BaselineView.of(c.to()), c.differences(),
                    c.changes().stream().map(s -> ChangeRequestView.of(s, messages, locale)).toList());
        }
    }
}
