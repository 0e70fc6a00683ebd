package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 11: an IT project needs no energy, site, land or environment approvals, except for new civil works
 * (site selection, land pre-approval, environmental impact assessment) and high energy use (energy-saving
 * assessment). The approvals the facts call for are asked for; any other is refused as unnecessary, so that
 * nobody is made to obtain what the measures abolished.
 */
record ExtraPermitsPolicy() {

    static Set<PermitType> required(SubmissionFacts facts) {
        Set<PermitType> required = EnumSet.noneOf(PermitType.class);
        if (facts.newCivilWorks()) {
            required.addAll(EnumSet.of(PermitType.SITE_SELECTION, PermitType.LAND_PRE_APPROVAL,
                    PermitType.ENVIRONMENTAL_IMPACT));
        }
        if (facts.highEnergyUse()) {
            required.add(PermitType.ENERGY_ASSESSMENT);
        }
        return required;
    }

    List<Violation> check(SubmissionFacts facts, SubmissionContent content) {
        Set<PermitType> required = required(facts);
        Set<PermitType> given = EnumSet.noneOf(PermitType.class);
        content.extraPermits().forEach(p -> given.add(p.type()));
        List<Violation> violations = new ArrayList<>();
        for (PermitType type : required) {
            if (!given.contains(type)) {
                violations.add(Violation.of("ART-11", "extraPermits." + type.name(), "violation.ART-11.permit-missing",
                        new cn.jl.govit.rulebook.MessageKey("enum.PermitType." + type.name())));
            }
        }
        for (PermitType type : given) {
            if (!required.contains(type)) {
                violations.add(Violation.of("ART-11", "extraPermits." + type.name(), "violation.ART-11.permit-unnecessary",
                        new cn.jl.govit.rulebook.MessageKey("enum.PermitType." + type.name())));
            }
        }
        return violations;
    }
}
