package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * The formal review (形式审查) of a submission against its outline and the rules of the measures; it names
 * every missing or not allowed item at once and never throws. Each part is a small policy of its own.
 */
public final class FormalReviewPolicy {

    private final Outlines outlines;

    public FormalReviewPolicy(Outlines outlines) {
        this.outlines = outlines;
    }

    public FormalReview review(SubmissionFacts facts, SubmissionContent content) {
        List<Violation> violations = new ArrayList<>();
        var outline = outlines.of(facts.stage());
        violations.addAll(new OutlineCompletenessPolicy().check(outline, content));
        violations.addAll(new AttachmentPolicy().check(outline, content));
        violations.addAll(new EmergencyAddendumPolicy(outlines.emergencyAddendum()).check(facts, content));
        violations.addAll(new CrossDepartmentAddendumPolicy(outlines.crossDepartmentAddendum()).check(facts, content));
        violations.addAll(new InformationResourcePolicy().check(content));
        violations.addAll(new CryptoPolicy().check(content));
        violations.addAll(new SecureReliablePolicy().check(content));
        violations.addAll(new XiangyunPolicy().check(facts, content));
        violations.addAll(new ExtraPermitsPolicy().check(facts, content));
        return new FormalReview(violations);
    }
}
