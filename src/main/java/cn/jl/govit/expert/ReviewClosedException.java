package cn.jl.govit.expert;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * An opinion filed on a review that is already closed. A state race rather than a rule of the measures, so the
 * API answers {@code 409} (the contract's "version or state race").
 */
public class ReviewClosedException extends OptimisticLockingFailureException {

    public ReviewClosedException(UUID reviewId) {
        super("review " + reviewId + " is closed: its opinion was filed");
    }
}
