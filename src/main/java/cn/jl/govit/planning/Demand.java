package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A department's demand for the year (需求征报书, Art. 6), based on an item of the current plan version. The
 * Bureau scores it and triages it once (Art. 7); a demand that became (part of) a project names it.
 */
public record Demand(UUID id, UUID callId, int year, String organizationCode, String title, String content,
        BigDecimal estimate, UUID planId, int planVersion, String planItemCode,
        List<String> participatingOrganizationCodes, Integer score, String scoreNote, DemandStatus status,
        String declineReason, UUID projectId, String filedBy, Instant filedAt, long version) {

    public Demand {
        participatingOrganizationCodes = List.copyOf(participatingOrganizationCodes);
    }
}
