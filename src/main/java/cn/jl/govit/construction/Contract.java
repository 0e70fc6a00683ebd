package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A contract the construction unit signed for its project; its amount counts against the approved estimate. */
public record Contract(UUID id, UUID projectId, String contractor, String subject, ContractKind kind, BigDecimal amount,
        LocalDate signedOn, UUID procurementId, String recordedBy, Instant recordedAt) {
}
