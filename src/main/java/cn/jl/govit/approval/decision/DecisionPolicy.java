package cn.jl.govit.approval.decision;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * What a decision needs (Art. 9, 10, 13): a filed submission not decided yet; every expert opinion in when a
 * panel reviewed it; an opinion on information sharing in every reply (Art. 13: 批复文件应当包含对信息资源共享
 * 分析的意见).
 */
public final class DecisionPolicy {

    /** The facts the decision is judged on. */
    public record Facts(SubmissionStatus submissionStatus, boolean alreadyDecided, boolean panelFormed,
            boolean reviewsComplete, String sharingOpinion) {
    }

    public List<Violation> check(Facts facts) {
        List<Violation> violations = new ArrayList<>();
        if (facts.submissionStatus() != SubmissionStatus.SUBMITTED || facts.alreadyDecided()) {
            violations.add(Violation.of("ART-9", "submission", "violation.ART-9.not-filed",
                    new MessageKey("enum.SubmissionStatus." + facts.submissionStatus().name())));
        }
        if (facts.panelFormed() && !facts.reviewsComplete()) {
            violations.add(Violation.of("ART-10", "reviews", "violation.ART-10.reviews-pending"));
        }
        if (facts.sharingOpinion() == null || facts.sharingOpinion().isBlank()) {
            violations.add(Violation.of("ART-13-4", "sharingOpinion", "violation.ART-13-4.sharing-opinion"));
        }
        return violations;
    }
}
