package cn.jl.govit.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt at initial acceptance (初步验收, Art. 26, Annex 4 §6), organised by the construction unit: the day, the
 * result, the initial acceptance report, the opinion (what to rectify, when it failed) and the special acceptances
 * (专项验收) with their reports. Attempts are numbered and kept; a failed one is followed by a rectification and a
 * new attempt (Art. 27).
 */
public record InitialAcceptance(UUID id, UUID projectId, int attempt, LocalDate acceptedOn,
        InitialAcceptanceResult result, UUID reportDocumentId, String opinion, String recordedBy, Instant recordedAt,
        List<SpecialAcceptanceReport> specialAcceptances) {

    public InitialAcceptance {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(acceptedOn);
        Objects.requireNonNull(result);
        specialAcceptances = specialAcceptances == null ? List.of() : List.copyOf(specialAcceptances);
    }

    public boolean passed() {
        return result == InitialAcceptanceResult.PASSED;
    }

    /** A special acceptance reported with an attempt: its code (regulation/outlines.yaml) and report document. */
    public record SpecialAcceptanceReport(String code, UUID documentId) {

        public SpecialAcceptanceReport {
            Objects.requireNonNull(code);
            Objects.requireNonNull(documentId);
        }
    }
}
