package cn.jl.govit.approval.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.rulebook.Violation;

/** A decision needs a filed, undecided submission, every panel opinion and a sharing opinion (Art. 9, 10, 13). */
class DecisionPolicyTests {

    private static List<String> rules(DecisionPolicy.Facts facts) {
        return new DecisionPolicy().check(facts).stream().map(Violation::rule).toList();
    }

    @Test
    void aFiledSubmissionWithASharingOpinionCanBeDecided() {
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, false, false, false, "有条件共享"))).isEmpty();
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, false, true, true, "有条件共享"))).isEmpty();
    }

    @Test
    void onlyAFiledUndecidedSubmission() {
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.DRAFT, false, false, false, "意见"))).containsExactly("ART-9");
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.RETURNED, false, false, false, "意见"))).containsExactly("ART-9");
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, true, false, false, "意见"))).containsExactly("ART-9");
    }

    @Test
    void everyOpinionOfAFormedPanelMustBeIn() {
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, false, true, false, "意见"))).containsExactly("ART-10");
    }

    @Test
    void theReplyMustGiveASharingOpinion() {
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, false, false, false, null))).containsExactly("ART-13-4");
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.SUBMITTED, false, false, false, "  "))).containsExactly("ART-13-4");
        assertThat(rules(new DecisionPolicy.Facts(SubmissionStatus.DRAFT, false, true, false, "")))
                .containsExactly("ART-9", "ART-10", "ART-13-4");
    }

    @Test
    void replyNumbersFollowEachAuthoritysPattern() {
        assertThat(DocumentNumbers.format(ApprovalAuthority.DIGITAL_BUREAU, 2026, 12)).isEqualTo("吉政数审〔2026〕12号");
        assertThat(DocumentNumbers.format(ApprovalAuthority.DEVELOPMENT_REFORM, 2026, 3)).isEqualTo("吉发改审批〔2026〕3号");
    }
}
