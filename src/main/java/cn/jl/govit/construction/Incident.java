package cn.jl.govit.construction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A serious delay or major loss the construction unit reported to the approval authority (Art. 22). */
public record Incident(UUID id, UUID projectId, IncidentKind kind, LocalDate occurredOn, String facts, String measures,
        String reportedBy, Instant reportedAt) {
}
