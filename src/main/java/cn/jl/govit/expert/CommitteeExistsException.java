package cn.jl.govit.expert;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/** A second acceptance committee for the same application: a state race, answered {@code 409}. */
public class CommitteeExistsException extends OptimisticLockingFailureException {

    public CommitteeExistsException(UUID applicationId) {
        super("application " + applicationId + " already has an acceptance committee");
    }
}
