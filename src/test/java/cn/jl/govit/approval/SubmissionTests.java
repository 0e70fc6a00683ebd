package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** The submission's own transitions: draft, filed, returned, filed again. */
class SubmissionTests {

    private final Submission submission = Submission.prepare(UUID.randomUUID(), UUID.randomUUID(),
            Stage.FEASIBILITY_STUDY, SubmissionContent.empty(), "rst", Instant.now());

    @Test
    void aDraftIsFiledOnlyWhenItsFormalReviewPassed() {
        FormalReview failed = new FormalReview(List.of(Violation.of("ART-9", "FS1", "violation.ART-9.chapter-missing")));
        assertThatThrownBy(() -> submission.submit(failed, Instant.now())).isInstanceOf(RuleViolationException.class);
        assertThat(submission.status()).isEqualTo(SubmissionStatus.DRAFT);

        submission.submit(new FormalReview(List.of()), Instant.now());
        assertThat(submission.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submission.revision()).isEqualTo(1);
    }

    @Test
    void aFiledSubmissionIsFrozenUntilReturnedThenRevisedAndFiledAgain() {
        submission.submit(new FormalReview(List.of()), Instant.now());
        assertThatThrownBy(() -> submission.revise(SubmissionContent.empty()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("violation.ART-9.submission-not-editable"));

        submission.returnForRevision("投资估算偏高");
        assertThat(submission.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(submission.returnReason()).isEqualTo("投资估算偏高");
        submission.revise(SubmissionContent.empty().withChapter(ChapterEntry.written("FS1", "新")));
        submission.submit(new FormalReview(List.of()), Instant.now());
        assertThat(submission.revision()).isEqualTo(2);
        assertThat(submission.returnReason()).isNull();
    }

    @Test
    void onlyAFiledSubmissionIsReturned() {
        assertThatThrownBy(() -> submission.returnForRevision("x")).isInstanceOf(RuleViolationException.class);
    }
}
