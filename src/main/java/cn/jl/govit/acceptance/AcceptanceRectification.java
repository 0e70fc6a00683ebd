package cn.jl.govit.acceptance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Rectification after a failed initial or final acceptance (Art. 27): the unit must put right what the acceptance
 * found within the rectification window ({@code dueDate}) and record it completed; only then may that acceptance
 * be tried again. Numbered per project and kind; {@code subject} is the subject of its RECTIFICATION obligation.
 */
public record AcceptanceRectification(UUID id, UUID projectId, AcceptanceKind kind, int number, LocalDate failedOn,
        String opinion, LocalDate dueDate, AcceptanceRectificationStatus status, LocalDate completedOn,
        UUID documentId, String summary, String completedBy, long version) {

    public AcceptanceRectification {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(failedOn);
        Objects.requireNonNull(dueDate);
        Objects.requireNonNull(status);
    }

    /** The subject of the RECTIFICATION obligation this rectification opened. */
    public String subject() {
        return subject(kind, number);
    }

    public boolean open() {
        return status == AcceptanceRectificationStatus.OPEN;
    }

    static String subject(AcceptanceKind kind, int number) {
        return "ACCEPTANCE-" + kind.name() + "-" + number;
    }
}
