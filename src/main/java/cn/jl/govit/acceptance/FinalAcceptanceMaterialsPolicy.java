package cn.jl.govit.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 26 and Annex 4 (附件 竣工验收材料清单): which materials a final acceptance application must carry. The five
 * software documents (AM13.1–13.5) only when software was developed; the MLPS evaluation (AM14.2) for a
 * non-classified system, the graded-protection opinion (AM14.3) instead for a classified one; AM12 and AM15 are
 * optional; the construction summary and the crypto assessment report (Art. 26) always. Returns one violation per
 * missing material (item = its code); never throws.
 */
public record FinalAcceptanceMaterialsPolicy(List<FinalAcceptanceMaterial> catalogue) {

    static final String RULE = "ART-26";

    public FinalAcceptanceMaterialsPolicy {
        catalogue = List.copyOf(catalogue);
    }

    /** How the material applies to a project with these facts. */
    public static MaterialApplicability applicability(FinalAcceptanceMaterial material, boolean softwareDeveloped,
            boolean classified) {
        if (!material.appliesTo(softwareDeveloped, classified)) {
            return MaterialApplicability.NOT_APPLICABLE;
        }
        return material.required() ? MaterialApplicability.REQUIRED : MaterialApplicability.OPTIONAL;
    }

    /** The codes the application must carry, in checklist order. */
    public List<String> requiredCodes(boolean softwareDeveloped, boolean classified) {
        return catalogue.stream()
                .filter(m -> applicability(m, softwareDeveloped, classified) == MaterialApplicability.REQUIRED)
                .map(FinalAcceptanceMaterial::code)
                .toList();
    }

    /** One violation per required material not among {@code supplied}, in checklist order. */
    public List<Violation> missing(boolean softwareDeveloped, boolean classified, Set<String> supplied) {
        List<Violation> violations = new ArrayList<>();
        for (FinalAcceptanceMaterial m : catalogue) {
            if (applicability(m, softwareDeveloped, classified) == MaterialApplicability.REQUIRED
                    && !supplied.contains(m.code())) {
                violations.add(Violation.of(RULE, m.code(), "violation.ART-26.final-material-missing", m.code(),
                        new MessageKey(m.titleKey())));
            }
        }
        return violations;
    }
}
