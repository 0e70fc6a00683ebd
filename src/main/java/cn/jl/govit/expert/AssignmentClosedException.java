package cn.jl.govit.expert;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * An acceptance opinion filed on an assignment that is already closed: a state race rather than a rule of the
 * measures, so it is answered {@code 409} like {@link ReviewClosedException}.
 */
public class AssignmentClosedException extends OptimisticLockingFailureException {

    public AssignmentClosedException(UUID assignmentId) {
        super("acceptance assignment " + assignmentId + " is closed: its opinion was filed");
    }
}
