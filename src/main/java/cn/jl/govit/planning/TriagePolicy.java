package cn.jl.govit.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 7, 12: the Digital Bureau analyses, merges and regroups the departments' demands. A demand is triaged
 * once: into a project of its own, merged with others of the same call into one project led by one of their
 * departments, or declined with a reason.
 */
record TriagePolicy() {

    /** Each demand must be open; a merge takes at least two distinct demands of one call. */
    List<Violation> checkIntoProject(List<Demand> demands, boolean merge) {
        List<Violation> violations = new ArrayList<>();
        if (merge && demands.stream().map(Demand::id).distinct().count() < 2) {
            violations.add(Violation.of("ART-7", "demandIds", "planning.triage.merge-needs-two"));
        }
        if (demands.stream().map(Demand::callId).distinct().count() > 1) {
            violations.add(Violation.of("ART-7", "demandIds", "planning.triage.one-call"));
        }
        var seen = new HashSet<UUID>();
        for (Demand d : demands) {
            if (!seen.add(d.id())) {
                violations.add(Violation.of("ART-7", d.id().toString(), "planning.triage.duplicate", d.title()));
            }
            else if (d.status() != DemandStatus.OPEN) {
                violations.add(alreadyTriaged(d));
            }
        }
        return violations;
    }

    /** Art. 12: a shared project has one lead, the department of one of the merged demands. */
    List<Violation> checkLead(List<Demand> demands, String leadOrganizationCode) {
        if (demands.stream().noneMatch(d -> d.organizationCode().equals(leadOrganizationCode))) {
            return List.of(Violation.of("ART-12", "leadOrganizationCode", "planning.triage.lead-not-filer",
                    String.valueOf(leadOrganizationCode)));
        }
        return List.of();
    }

    /** A demand is scored while it awaits triage; its score then stays as it was when triaged. */
    List<Violation> checkOpen(Demand demand) {
        return demand.status() == DemandStatus.OPEN ? List.of() : List.of(alreadyTriaged(demand));
    }

    List<Violation> checkDecline(Demand demand, String reason) {
        List<Violation> violations = new ArrayList<>();
        if (demand.status() != DemandStatus.OPEN) {
            violations.add(alreadyTriaged(demand));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(Violation.of("ART-7", "reason", "planning.triage.reason-missing"));
        }
        return violations;
    }

    private static Violation alreadyTriaged(Demand d) {
        return Violation.of("ART-7", d.id().toString(), "planning.triage.already",
                d.title(), new cn.jl.govit.rulebook.MessageKey("enum.DemandStatus." + d.status().name()));
    }
}
