package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 13 (1): the information resource catalogue is a precondition of approval. It has at least one entry,
 * each with a share type, a condition when shared on conditions and a reason when not shared.
 */
record InformationResourcePolicy() {

    static final String RULE = "ART-13-1";

    List<Violation> check(SubmissionContent content) {
        List<InformationResource> resources = content.informationResources();
        if (resources.isEmpty()) {
            return List.of(Violation.of(RULE, "informationResources", "violation.ART-13-1.catalogue-empty"));
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            InformationResource r = resources.get(i);
            String item = "informationResources[" + i + "]";
            String name = r.name() == null ? "" : r.name();
            if (r.shareType() == null) {
                violations.add(Violation.of(RULE, item + ".shareType", "violation.ART-13-1.share-type-missing", name));
            }
            else if (r.shareType() == ShareType.CONDITIONAL && blank(r.shareCondition())) {
                violations.add(Violation.of(RULE, item + ".shareCondition", "violation.ART-13-1.condition-missing", name));
            }
            else if (r.shareType() == ShareType.NOT_SHARED && blank(r.notSharedReason())) {
                violations.add(Violation.of(RULE, item + ".notSharedReason", "violation.ART-13-1.reason-missing", name));
            }
        }
        return violations;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
