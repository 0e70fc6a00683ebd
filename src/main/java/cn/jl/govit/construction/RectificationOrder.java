package cn.jl.govit.construction;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The approval authority's order to rectify by a deadline (Art. 22). Open until the construction unit reports
 * what it rectified; the authority then accepts it (the RECTIFICATION obligation is met) or reopens it with an
 * opinion.
 */
public record RectificationOrder(UUID id, UUID projectId, UUID incidentId, String requirements, LocalDate deadline,
        RectificationStatus status, String rectification, LocalDate reportedOn, String opinion, LocalDate acceptedOn,
        String orderedBy, LocalDate orderedOn, long version) {
}
