package cn.jl.govit.upgrade;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Reason;

/**
 * Art. 29: an upgrade of a built system that shares information as required and is listed in the provincial
 * government information system catalogue is approved by the approval authority (normal approval); otherwise it is
 * reviewed jointly by the authority with the departments concerned and goes ahead only once the Digital Jilin
 * Leading Group approved it. Both conditions are reasons, the failed ones first; the policy never throws.
 */
public final class UpgradeRoutePolicy {

    private UpgradeRoutePolicy() {
    }

    /** @param catalogueCode the system's code in the provincial catalogue, blank or {@code null} when not listed */
    public static UpgradeAssessment assess(boolean shareable, String catalogueCode) {
        boolean catalogued = catalogueCode != null && !catalogueCode.isBlank();
        List<Reason> failed = new ArrayList<>();
        List<Reason> met = new ArrayList<>();
        if (shareable) {
            met.add(Reason.of("ART-29", "reason.ART-29.shareable"));
        }
        else {
            failed.add(Reason.of("ART-29", "reason.ART-29.not-shareable"));
        }
        if (catalogued) {
            met.add(Reason.of("ART-29", "reason.ART-29.catalogued", catalogueCode.strip()));
        }
        else {
            failed.add(Reason.of("ART-29", "reason.ART-29.not-catalogued"));
        }
        List<Reason> reasons = new ArrayList<>();
        UpgradeRoute route = failed.isEmpty() ? UpgradeRoute.NORMAL_APPROVAL : UpgradeRoute.JOINT_REVIEW;
        reasons.add(Reason.of("ART-29", route == UpgradeRoute.NORMAL_APPROVAL ? "reason.ART-29.route-normal"
                : "reason.ART-29.route-joint-review"));
        reasons.addAll(failed);
        reasons.addAll(met);
        return new UpgradeAssessment(route, reasons);
    }
}
