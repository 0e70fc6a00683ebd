package cn.jl.govit.expert;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What an expert files: a text per aspect of Art. 10, a conclusion and the investment the expert recommends. */
public record ReviewOpinion(Map<Aspect, String> aspects, Conclusion conclusion, BigDecimal recommendedInvestment) {

    public ReviewOpinion {
        EnumMap<Aspect, String> copy = new EnumMap<>(Aspect.class);
        if (aspects != null) {
            aspects.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v.strip());
                }
            });
        }
        aspects = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(recommendedInvestment, "recommendedInvestment");
    }

    public String aspect(Aspect aspect) {
        return aspects.get(aspect);
    }
}
