package cn.jl.govit.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A violation record (违规记录, Art. 33, 34): what a body found a project's unit did — kind, facts, evidence (documents
 * of the project) and the day it occurred — and the referrals to the competent bodies it made (移送, "提请有关部门严肃
 * 处理"), in order. A record made in error is withdrawn with a reason and stays visible (Art. 30); referrals are never
 * changed. The lead's public criticism (sanction, Art. 33) may cite a record by its id.
 */
public record ViolationRecord(UUID id, UUID projectId, String leadOrgCode, String bodyOrgCode, ViolationKind kind,
        String rule, String facts, List<UUID> evidenceDocumentIds, LocalDate occurredOn, LocalDate recordedOn,
        ViolationStatus status, String withdrawnReason, LocalDate withdrawnOn, String recordedBy, Instant recordedAt,
        long version, List<Referral> referrals) {

    public ViolationRecord {
        evidenceDocumentIds = evidenceDocumentIds == null ? List.of() : List.copyOf(evidenceDocumentIds);
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    ViolationRecord with(List<Referral> all) {
        return new ViolationRecord(id, projectId, leadOrgCode, bodyOrgCode, kind, rule, facts, evidenceDocumentIds,
                occurredOn, recordedOn, status, withdrawnReason, withdrawnOn, recordedBy, recordedAt, version, all);
    }

    /** One referral of the record to a competent body (省纪委监委, 省审计厅, 公安机关 …), numbered from 1. */
    public record Referral(int seq, String referredTo, String matter, LocalDate referredOn, String referredBy,
            Instant referredAt) {
    }
}
