package cn.jl.govit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** The steps of an upgrade (Art. 29) and their boundaries: dates on the day before and the same day. */
class UpgradeRequestTests {

    static final LocalDate REQUESTED = LocalDate.of(2026, 8, 31);

    static UpgradeRequest request(boolean shareable, String catalogueCode) {
        return UpgradeRequest.submit(UUID.randomUUID(), UUID.randomUUID(), 1, "RST", "SZSJ",
                new UpgradeProposal("接口升级", "理由", "内容", new BigDecimal("1200000.00"), 6, shareable, catalogueCode,
                        null), REQUESTED, "rst", Instant.EPOCH);
    }

    static UpgradeRequest.JointReview review(LocalDate on) {
        return new UpgradeRequest.JointReview(on, List.of("WXB"), "同意", Recommendation.SUPPORT, null, "szsj",
                Instant.EPOCH);
    }

    static UpgradeRequest.Decision decision(LeadingGroupVerdict verdict, LocalDate on) {
        return new UpgradeRequest.Decision(verdict, on, null, "ldxz", Instant.EPOCH);
    }

    static UpgradeRequest.CreatedProject project() {
        return new UpgradeRequest.CreatedProject(UUID.randomUUID(), "rst", Instant.EPOCH);
    }

    static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::messageKey).toList();
    }

    @Test
    void onlyASystemInOperationIsUpgraded() {
        assertThat(UpgradePolicy.request(ProjectStatus.IN_OPERATION)).isEmpty();
        for (ProjectStatus status : ProjectStatus.values()) {
            if (status != ProjectStatus.IN_OPERATION) {
                assertThat(keys(UpgradePolicy.request(status))).as(status.name())
                        .containsExactly("violation.ART-29.not-in-operation");
            }
        }
    }

    @Test
    void theRouteIsDerivedAtSubmission() {
        assertThat(request(true, "JL-1").route()).isEqualTo(UpgradeRoute.NORMAL_APPROVAL);
        assertThat(request(true, "JL-1").status()).isEqualTo(UpgradeStatus.SUBMITTED);
        assertThat(request(false, "JL-1").route()).isEqualTo(UpgradeRoute.JOINT_REVIEW);
    }

    @Test
    void theNormalRouteCreatesTheProjectAtOnceAndNeedsNoReviewNorDecision() {
        UpgradeRequest normal = request(true, "JL-1");
        assertThat(keys(UpgradePolicy.jointReview(normal, REQUESTED))).containsExactly("violation.ART-29.review-not-needed");
        assertThat(keys(UpgradePolicy.decision(normal, REQUESTED))).containsExactly("violation.ART-29.decision-not-needed");
        UpgradeRequest created = normal.projectCreated(project());
        assertThat(created.status()).isEqualTo(UpgradeStatus.PROJECT_CREATED);
        assertThatThrownBy(() -> created.projectCreated(project())).isInstanceOf(RuleViolationException.class);
        assertThat(keys(UpgradePolicy.projectCreation(created))).containsExactly("violation.ART-29.project-exists");
    }

    @Test
    void theJointReviewIsDatedOnOrAfterTheRequest() {
        UpgradeRequest joint = request(false, null);
        assertThat(UpgradePolicy.jointReview(joint, REQUESTED)).isEmpty();
        assertThat(keys(UpgradePolicy.jointReview(joint, REQUESTED.minusDays(1))))
                .containsExactly("violation.ART-29.review-before-request");
        UpgradeRequest reviewed = joint.reviewed(review(REQUESTED));
        assertThat(reviewed.status()).isEqualTo(UpgradeStatus.AWAITING_LEADING_GROUP);
        assertThat(keys(UpgradePolicy.jointReview(reviewed, REQUESTED))).containsExactly("violation.ART-29.review-recorded");
    }

    @Test
    void noProjectNorDecisionBeforeTheJointReview() {
        UpgradeRequest joint = request(false, null);
        assertThat(keys(UpgradePolicy.decision(joint, REQUESTED))).containsExactly("violation.ART-29.decision-before-review");
        assertThatThrownBy(() -> joint.decided(decision(LeadingGroupVerdict.APPROVED, REQUESTED)))
                .isInstanceOf(RuleViolationException.class);
        assertThat(keys(UpgradePolicy.projectCreation(joint)))
                .containsExactly("violation.ART-29.not-approved-by-leading-group");
        UpgradeRequest reviewed = joint.reviewed(review(REQUESTED.plusDays(3)));
        assertThat(keys(UpgradePolicy.projectCreation(reviewed)))
                .containsExactly("violation.ART-29.not-approved-by-leading-group");
    }

    @Test
    void theLeadingGroupDecidesOnOrAfterTheJointReviewOnce() {
        LocalDate reviewedOn = REQUESTED.plusDays(3);
        UpgradeRequest reviewed = request(false, null).reviewed(review(reviewedOn));
        assertThat(keys(UpgradePolicy.decision(reviewed, reviewedOn.minusDays(1))))
                .containsExactly("violation.ART-29.decision-before-review-date");
        assertThat(UpgradePolicy.decision(reviewed, reviewedOn)).isEmpty();
        UpgradeRequest approved = reviewed.decided(decision(LeadingGroupVerdict.APPROVED, reviewedOn));
        assertThat(approved.status()).isEqualTo(UpgradeStatus.APPROVED);
        assertThat(keys(UpgradePolicy.decision(approved, reviewedOn))).containsExactly("violation.ART-29.decided");
        assertThat(UpgradePolicy.projectCreation(approved)).isEmpty();
        assertThat(approved.projectCreated(project()).status()).isEqualTo(UpgradeStatus.PROJECT_CREATED);
    }

    @Test
    void aRejectionEndsTheRequest() {
        UpgradeRequest rejected = request(false, "JL-1").reviewed(review(REQUESTED))
                .decided(decision(LeadingGroupVerdict.REJECTED, REQUESTED));
        assertThat(rejected.status()).isEqualTo(UpgradeStatus.REJECTED);
        assertThat(keys(UpgradePolicy.projectCreation(rejected))).containsExactly("violation.ART-29.rejected");
        assertThat(keys(UpgradePolicy.decision(rejected, REQUESTED))).containsExactly("violation.ART-29.decided");
    }

    @Test
    void theUpgradeProjectIsNamedAfterTheSystemWithinTheProjectNameLimit() {
        assertThat(Upgrades.projectName("社保信息系统", "接口升级")).isEqualTo("社保信息系统升级改造：接口升级");
        String longName = "系".repeat(200);
        String name = Upgrades.projectName(longName, "接口升级");
        assertThat(name).hasSize(Upgrades.PROJECT_NAME_MAX).endsWith("升级改造：接口升级");
    }
}
