package cn.jl.govit.audit;

import java.util.UUID;

/**
 * Records a state change in the caller's transaction: if the event cannot be written, the change rolls
 * back with it. Every module calls this from each verb that changes state.
 */
public interface AuditLog {

    /**
     * @param action what happened, in UPPER_SNAKE ({@code PROJECT_PROPOSED})
     * @param entityType the kind of record ({@code Project})
     * @param entityId its id
     * @param projectId the project concerned, or {@code null}
     * @param summary a short statement of the change, free of secrets and personal data
     */
    AuditEvent record(String action, String entityType, String entityId, UUID projectId, String summary);

    /** The same, for an actor other than the current user (the system, a login attempt). */
    AuditEvent record(Actor actor, String action, String entityType, String entityId, UUID projectId, String summary);
}
