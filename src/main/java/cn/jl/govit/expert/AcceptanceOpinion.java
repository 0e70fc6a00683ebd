package cn.jl.govit.expert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A filed acceptance assessment opinion of one committee member; final once filed. */
public record AcceptanceOpinion(UUID assignmentId, String expertUsername, Map<AcceptanceAspect, String> aspects,
        AcceptanceConclusion conclusion, String overallOpinion, Instant filedAt) {

    public AcceptanceOpinion {
        aspects = Map.copyOf(aspects);
    }

    public String aspect(AcceptanceAspect aspect) {
        return aspects.get(aspect);
    }
}
