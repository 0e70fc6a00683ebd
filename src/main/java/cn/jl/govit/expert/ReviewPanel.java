package cn.jl.govit.expert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The review panel of one submission version (Art. 10): drawn at random ({@code DRAW}) or named by the
 * authority ({@code NAMED}), with one review per expert.
 */
public record ReviewPanel(UUID id, UUID submissionId, UUID projectId, Method method, String formedBy, Instant formedAt,
        List<ExpertReview> reviews) {

    public ReviewPanel {
        reviews = List.copyOf(reviews);
    }

    public enum Method {
        DRAW, NAMED
    }
}
