package cn.jl.govit.audit;

/**
 * The outcome of re-computing the chain from the first event.
 *
 * @param valid whether every event's hash matches its content and its predecessor
 * @param count events checked
 * @param head hash of the last event (or of the last good event when invalid)
 * @param firstBrokenSequence the first event whose hash does not match, or {@code null}
 */
public record ChainVerification(boolean valid, long count, String head, Long firstBrokenSequence) {
}
