package cn.jl.govit.supervision;

import java.util.UUID;

/**
 * Checks the evaluation record an {@link SupervisionFindingSource#EVALUATION EVALUATION} finding rests on. The
 * evaluation module implements it, since it owns those records; supervision only keeps the reference id, so that it
 * does not depend on evaluation (evaluation depends on supervision). Without an implementation, no finding can be
 * raised from an evaluation.
 */
public interface SupervisionFindingReferences {

    /**
     * Refuses an evaluation that is not a record of the project ({@code 400} on {@code sourceRef}) or whose results
     * are not there yet ({@code 422 ART-32}, a post-evaluation without its report).
     */
    void checkEvaluation(UUID projectId, UUID evaluationId);
}
