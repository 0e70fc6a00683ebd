package cn.jl.govit.expert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.rulebook.RuleViolationException;

/**
 * One expert's review of one submission: {@code OPEN} when the panel is formed, {@code SUBMITTED} once the
 * expert files an opinion that addresses every aspect of Art. 10 (and the sharing analysis of Art. 13 (3)).
 * A filed opinion is final: filing again is refused with {@link ReviewClosedException} ({@code 409}).
 */
public class ExpertReview {

    private final UUID id;
    private final UUID panelId;
    private final UUID submissionId;
    private final UUID projectId;
    private final String expertUsername;
    private final Instant assignedAt;
    private ReviewStatus status;
    private ReviewOpinion opinion;
    private Instant submittedAt;
    private long version;

    public ExpertReview(UUID id, UUID panelId, UUID submissionId, UUID projectId, String expertUsername,
            Instant assignedAt, ReviewStatus status, ReviewOpinion opinion, Instant submittedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.panelId = Objects.requireNonNull(panelId);
        this.submissionId = Objects.requireNonNull(submissionId);
        this.projectId = Objects.requireNonNull(projectId);
        this.expertUsername = Objects.requireNonNull(expertUsername);
        this.assignedAt = assignedAt;
        this.status = Objects.requireNonNull(status);
        this.opinion = opinion;
        this.submittedAt = submittedAt;
        this.version = version;
    }

    static ExpertReview open(UUID panelId, UUID submissionId, UUID projectId, String expertUsername, Instant at) {
        return new ExpertReview(UUID.randomUUID(), panelId, submissionId, projectId, expertUsername, at,
                ReviewStatus.OPEN, null, null, 0);
    }

    /** Files the opinion and closes the review; refuses a second filing and an opinion that misses an aspect. */
    void file(ReviewOpinion opinion, Instant at) {
        if (status != ReviewStatus.OPEN) {
            throw new ReviewClosedException(id);
        }
        RuleViolationException.throwIfAny(new OpinionPolicy().check(opinion.aspects()));
        this.opinion = opinion;
        this.status = ReviewStatus.SUBMITTED;
        this.submittedAt = at;
    }

    /** The aspects the policy would refuse, without filing; for forms that show them in place. */
    public static List<cn.jl.govit.rulebook.Violation> check(ReviewOpinion opinion) {
        return new OpinionPolicy().check(opinion.aspects());
    }

    public UUID id() { return id; }
    public UUID panelId() { return panelId; }
    public UUID submissionId() { return submissionId; }
    public UUID projectId() { return projectId; }
    public String expertUsername() { return expertUsername; }
    public Instant assignedAt() { return assignedAt; }
    public ReviewStatus status() { return status; }
    public ReviewOpinion opinion() { return opinion; }
    public Instant submittedAt() { return submittedAt; }
    public long version() { return version; }
}
