package cn.jl.govit.expert;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/** A second panel for the same submission version: a state race, answered {@code 409}. */
public class PanelExistsException extends OptimisticLockingFailureException {

    public PanelExistsException(UUID submissionId) {
        super("submission " + submissionId + " already has a review panel");
    }
}
