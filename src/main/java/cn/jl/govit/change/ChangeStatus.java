package cn.jl.govit.change;

/**
 * Where a change request stands: {@code FILED} (recorded with the authority, in force), waiting for the revised
 * submission's decision ({@code IN_REAPPROVAL}) or for the provincial government ({@code AWAITING_GOVERNMENT}),
 * then {@code APPROVED} or {@code REJECTED}.
 */
public enum ChangeStatus {
    FILED, IN_REAPPROVAL, AWAITING_GOVERNMENT, APPROVED, REJECTED;

    /** A change in force counts toward the cumulative threshold of Art. 23. */
    public boolean inForce() {
        return this == FILED || this == APPROVED;
    }

    /** A change still waiting for a decision; a project has at most one at a time. */
    public boolean pending() {
        return this == IN_REAPPROVAL || this == AWAITING_GOVERNMENT;
    }
}
