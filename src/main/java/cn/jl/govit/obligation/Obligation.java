package cn.jl.govit.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One deadline of one project. {@code subject} tells obligations of the same type apart (the year of a
 * performance report, the id of a rectification order); {@code windowStart} is set where the measures open a
 * window rather than only close one (self-evaluation from 12 months, Art. 28).
 *
 * @param status as stored; an {@code OPEN} obligation whose due date has passed reads {@code OVERDUE} through
 *        {@link #statusOn(LocalDate)} even before the daily scan records it
 */
public record Obligation(UUID id, UUID projectId, ObligationType type, String subject, LocalDate dueDate,
        LocalDate windowStart, String rule, ObligationStatus status, String responsibleOrganizationCode,
        LocalDate metOn, String note, Instant createdAt, long version) {

    public Obligation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(dueDate);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(status);
    }

    /** The status on a given day: open past its due date is overdue (the due date itself is still in time). */
    public ObligationStatus statusOn(LocalDate today) {
        return status == ObligationStatus.OPEN && today.isAfter(dueDate) ? ObligationStatus.OVERDUE : status;
    }

    /** Whether the obligation still asks something of its project (open or overdue). */
    public boolean pending() {
        return status == ObligationStatus.OPEN || status == ObligationStatus.OVERDUE;
    }
}
