package cn.jl.govit.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A sanction (Art. 31, 33) imposed on a project: the step of the ladder, the rule it rests on and what it cites —
 * the finding whose rectification was refused or overdue ({@code ART-31}) or the violation record ({@code ART-33}).
 * {@code reason} is the text of the notice as the body words it; a lifted sanction keeps its lifting.
 */
public record Sanction(UUID id, UUID projectId, String leadOrgCode, SanctionKind kind, String rule, UUID findingId,
        UUID violationId, String bodyOrgCode, String reason, LocalDate imposedOn, String imposedBy, Instant imposedAt,
        SanctionStatus status, LocalDate liftedOn, String liftedReason, String liftedBy, long version) {

    /** The article of the rule, as the measures number it (第三十一条). */
    public String article() {
        return cn.jl.govit.rulebook.Articles.chinese(rule);
    }

    public boolean active() {
        return status == SanctionStatus.ACTIVE;
    }
}
