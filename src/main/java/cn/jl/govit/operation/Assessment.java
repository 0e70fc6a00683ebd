package cn.jl.govit.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One periodic assessment of a system in operation (Art. 16, 17, 36): the {@code sequence}-th of its kind, by whom,
 * with what result and report, and the day the next one falls due (counted from this one's date). Kept as recorded;
 * a correction is a later assessment (Art. 30).
 */
public record Assessment(UUID id, UUID projectId, AssessmentKind kind, int sequence, LocalDate assessedOn,
        String assessor, AssessmentResult result, String findings, UUID documentId, LocalDate nextDueOn,
        String recordedBy, Instant recordedAt) {

    public Assessment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(assessedOn);
        Objects.requireNonNull(result);
    }
}
