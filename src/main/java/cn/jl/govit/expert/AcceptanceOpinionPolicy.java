package cn.jl.govit.expert;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 26 with Annex 4 §7 (二) 2: an acceptance assessment opinion addresses every aspect the committee's
 * experts examine, recommends a conclusion and gives an overall opinion. One violation per missing or blank
 * part, its item the aspect's code ({@code conclusion}, {@code overallOpinion} for the other two); never throws.
 */
public record AcceptanceOpinionPolicy() {

    public static final String RULE = "ART-26";

    public List<Violation> check(AcceptanceOpinionInput input) {
        List<Violation> violations = new ArrayList<>();
        for (AcceptanceAspect aspect : AcceptanceAspect.values()) {
            String text = input == null ? null : input.aspect(aspect);
            if (text == null || text.isBlank()) {
                violations.add(Violation.of(RULE, aspect.name(), "violation.ART-26.committee-aspect-missing",
                        new MessageKey("enum.AcceptanceAspect." + aspect.name())));
            }
        }
        if (input == null || input.conclusion() == null) {
            violations.add(Violation.of(RULE, "conclusion", "violation.ART-26.committee-conclusion-missing"));
        }
        if (input == null || input.overallOpinion() == null || input.overallOpinion().isBlank()) {
            violations.add(Violation.of(RULE, "overallOpinion", "violation.ART-26.committee-overall-missing"));
        }
        return violations;
    }
}
