package cn.jl.govit.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The approval authority's delegation of a project's final acceptance to its construction unit, allowed only for a
 * project of single content or pure equipment purchase (Annex 4 §5 (二)). Once delegated, the unit organises the
 * acceptance and records the result with its own acceptance report; the archive gate (Art. 24) still applies.
 */
public record FinalAcceptanceDelegation(UUID id, UUID projectId, String reason, LocalDate delegatedOn,
        String delegatedBy, Instant delegatedAt) {

    public FinalAcceptanceDelegation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(delegatedOn);
    }
}
