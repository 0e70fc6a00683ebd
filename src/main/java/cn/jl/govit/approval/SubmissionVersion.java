package cn.jl.govit.approval;

import java.time.Instant;
import java.util.UUID;

/** A submission as it was filed: one per filing, never changed. */
public record SubmissionVersion(UUID submissionId, int revision, Instant submittedAt, String submittedBy,
        SubmissionContent content) {
}
