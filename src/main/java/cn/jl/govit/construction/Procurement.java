package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A procurement of a project under construction (Art. 14) by a method of the Government Procurement Law. A
 * classified project's procurement is marked classified and refers to its offline file instead of documents.
 */
public record Procurement(UUID id, UUID projectId, ProcurementMethod method, String subject, BigDecimal budgetAmount,
        String supplier, LocalDate announcedOn, LocalDate awardedOn, boolean classified, String offlineReference,
        List<UUID> documentIds, String recordedBy, Instant recordedAt) {
}
