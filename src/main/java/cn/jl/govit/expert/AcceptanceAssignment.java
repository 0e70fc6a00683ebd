package cn.jl.govit.expert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * One committee member's assessment of a final acceptance application (Annex 4 §7): {@code OPEN} when the
 * committee is formed, {@code FILED} once the expert files an opinion that addresses every aspect. A filed
 * opinion is final: filing again is refused with {@link AssignmentClosedException} ({@code 409}).
 */
public class AcceptanceAssignment {

    private final UUID id;
    private final UUID committeeId;
    private final UUID applicationId;
    private final UUID projectId;
    private final String projectCode;
    private final String projectName;
    private final String expertUsername;
    private final Instant assignedAt;
    private AssignmentStatus status;
    private AcceptanceOpinion opinion;
    private long version;

    public AcceptanceAssignment(UUID id, UUID committeeId, UUID applicationId, UUID projectId, String projectCode,
            String projectName, String expertUsername, Instant assignedAt, AssignmentStatus status,
            AcceptanceOpinion opinion, long version) {
        this.id = Objects.requireNonNull(id);
        this.committeeId = Objects.requireNonNull(committeeId);
        this.applicationId = Objects.requireNonNull(applicationId);
        this.projectId = Objects.requireNonNull(projectId);
        this.projectCode = projectCode;
        this.projectName = projectName;
        this.expertUsername = Objects.requireNonNull(expertUsername);
        this.assignedAt = assignedAt;
        this.status = Objects.requireNonNull(status);
        this.opinion = opinion;
        this.version = version;
    }

    static AcceptanceAssignment open(UUID committeeId, CommitteeRequest request, String expertUsername, Instant at) {
        return new AcceptanceAssignment(UUID.randomUUID(), committeeId, request.applicationId(), request.projectId(),
                request.projectCode(), request.projectName(), expertUsername, at, AssignmentStatus.OPEN, null, 0);
    }

    /** Files the opinion and closes the assignment; refuses a second filing and an opinion that misses a part. */
    void file(AcceptanceOpinionInput input, Instant at) {
        if (status != AssignmentStatus.OPEN) {
            throw new AssignmentClosedException(id);
        }
        RuleViolationException.throwIfAny(check(input));
        this.opinion = new AcceptanceOpinion(id, expertUsername, input.aspects(), input.conclusion(),
                input.overallOpinion(), at);
        this.status = AssignmentStatus.FILED;
    }

    /** What the policy would refuse, without filing; for forms that show it in place. */
    public static List<Violation> check(AcceptanceOpinionInput input) {
        return new AcceptanceOpinionPolicy().check(input);
    }

    public UUID id() { return id; }
    public UUID committeeId() { return committeeId; }
    public UUID applicationId() { return applicationId; }
    public UUID projectId() { return projectId; }
    /** The project's code and name as the committee's snapshot has them. */
    public String projectCode() { return projectCode; }
    public String projectName() { return projectName; }
    public String expertUsername() { return expertUsername; }
    public Instant assignedAt() { return assignedAt; }
    public AssignmentStatus status() { return status; }
    /** The filed opinion, {@code null} while open. */
    public AcceptanceOpinion opinion() { return opinion; }
    public Instant filedAt() { return opinion == null ? null : opinion.filedAt(); }
    public long version() { return version; }
}
