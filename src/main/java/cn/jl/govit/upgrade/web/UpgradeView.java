package cn.jl.govit.upgrade.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;
import cn.jl.govit.upgrade.LeadingGroupVerdict;
import cn.jl.govit.upgrade.Recommendation;
import cn.jl.govit.upgrade.UpgradeAssessment;
import cn.jl.govit.upgrade.UpgradeRequest;
import cn.jl.govit.upgrade.UpgradeRoute;
import cn.jl.govit.upgrade.UpgradeStatus;

/** An upgrade request as the API and the pages show it, its route with every reason citing Art. 29. */
record UpgradeView(UUID id, UUID projectId, int number, UpgradeStatus status, long version, String title,
        String reasons, String scope, BigDecimal estimatedInvestment, int constructionPeriodMonths, boolean shareable,
        String catalogueCode, UUID documentId, UpgradeRoute route, List<CitationView> routeReasons,
        LocalDate requestedOn, String requestedBy, Instant requestedAt, JointReviewView jointReview,
        DecisionView leadingGroupDecision, UUID upgradeProjectId) {

    static UpgradeView of(UpgradeRequest u, CitationMessages messages, Locale locale) {
        UpgradeRequest.JointReview r = u.jointReview();
        UpgradeRequest.Decision d = u.decision();
        return new UpgradeView(u.id(), u.projectId(), u.number(), u.status(), u.version(), u.proposal().title(),
                u.proposal().reasons(), u.proposal().scope(), u.proposal().estimatedInvestment(),
                u.proposal().constructionPeriodMonths(), u.proposal().shareable(), u.proposal().catalogueCode(),
                u.proposal().documentId(), u.route(), reasons(u.assessment(), messages, locale), u.requestedOn(),
                u.requestedBy(), u.requestedAt(),
                r == null ? null : new JointReviewView(r.reviewedOn(), r.departments(), r.opinion(), r.recommendation(),
                        r.documentId(), r.reviewedBy()),
                d == null ? null : new DecisionView(d.verdict(), d.decidedOn(), d.opinion(), d.decidedBy()),
                u.createdProject() == null ? null : u.createdProject().projectId());
    }

    static List<CitationView> reasons(UpgradeAssessment a, CitationMessages messages, Locale locale) {
        return a.reasons().stream().map(r -> messages.view(r, locale)).toList();
    }

    record JointReviewView(LocalDate reviewedOn, List<String> departments, String opinion,
            Recommendation recommendation, UUID documentId, String reviewedBy) {
    }

    record DecisionView(LeadingGroupVerdict decision, LocalDate decidedOn, String opinion, String decidedBy) {
    }

    /** The route the facts lead to, with every reason. */
    record AssessmentView(UpgradeRoute route, List<CitationView> reasons) {

        static AssessmentView of(UpgradeAssessment a, CitationMessages messages, Locale locale) {
            return new AssessmentView(a.route(), UpgradeView.reasons(a, messages, locale));
        }
    }
}
