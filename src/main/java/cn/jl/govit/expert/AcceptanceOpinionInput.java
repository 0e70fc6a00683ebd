package cn.jl.govit.expert;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an expert files as the acceptance assessment opinion (验收评估论证意见): a text per aspect of Annex 4 §7,
 * the recommendation and an overall opinion. Missing parts are not refused here but by
 * {@link AcceptanceOpinionPolicy}, one violation each.
 */
public record AcceptanceOpinionInput(Map<AcceptanceAspect, String> aspects, AcceptanceConclusion conclusion,
        String overallOpinion) {

    public AcceptanceOpinionInput {
        EnumMap<AcceptanceAspect, String> copy = new EnumMap<>(AcceptanceAspect.class);
        if (aspects != null) {
            aspects.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v.strip());
                }
            });
        }
        aspects = Collections.unmodifiableMap(copy);
        overallOpinion = overallOpinion == null ? null : overallOpinion.strip();
    }

    public String aspect(AcceptanceAspect aspect) {
        return aspects.get(aspect);
    }
}
