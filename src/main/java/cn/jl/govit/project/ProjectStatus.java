package cn.jl.govit.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands in its lifecycle (Art. 3: from demand through construction to operation). Each
 * status names the ones it may move to; the aggregate refuses every other move.
 */
public enum ProjectStatus {
    DRAFT, IN_APPROVAL, APPROVED, UNDER_CONSTRUCTION, SUSPENDED, IN_ACCEPTANCE, IN_OPERATION, REJECTED, TERMINATED;

    public Set<ProjectStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_APPROVAL, TERMINATED);
            case IN_APPROVAL -> EnumSet.of(APPROVED, REJECTED, TERMINATED);
            case APPROVED -> EnumSet.of(UNDER_CONSTRUCTION, IN_APPROVAL, TERMINATED);
            case UNDER_CONSTRUCTION -> EnumSet.of(SUSPENDED, IN_ACCEPTANCE, TERMINATED);
            case SUSPENDED -> EnumSet.of(UNDER_CONSTRUCTION, IN_ACCEPTANCE, TERMINATED);
            case IN_ACCEPTANCE -> EnumSet.of(IN_OPERATION, SUSPENDED, TERMINATED);
            case IN_OPERATION -> EnumSet.of(TERMINATED);
            case REJECTED, TERMINATED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canMoveTo(ProjectStatus target) {
        return next().contains(target);
    }
}
