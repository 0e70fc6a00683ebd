package cn.jl.govit.audit;

import java.util.UUID;

/**
 * Decides who reads which part of the audit log; implemented by the module that knows project scope.
 * A project outside the reader's scope reads as not found; the whole log needs an oversight role.
 */
public interface AuditAccess {

    void checkRead(UUID projectId);
}
