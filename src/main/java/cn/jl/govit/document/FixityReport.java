package cn.jl.govit.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of re-computing the SM3 digest of every stored document.
 *
 * @param checked how many stored files were read
 * @param changed every document whose bytes no longer have the recorded digest (or are missing)
 */
public record FixityReport(Instant startedAt, Instant finishedAt, long checked, List<Changed> changed) {

    /** A document that failed the check; {@code actualSm3} is {@code null} when its file is missing. */
    public record Changed(UUID documentId, UUID projectId, String filename, String recordedSm3, String actualSm3) {
    }

    public boolean intact() {
        return changed.isEmpty();
    }
}
