package cn.jl.govit.acceptance.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.acceptance.FinalAcceptanceApplication;
import cn.jl.govit.acceptance.FinalAcceptanceCondition;
import cn.jl.govit.acceptance.FinalAcceptanceDelegation;
import cn.jl.govit.acceptance.FinalAcceptances;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceAssignment;
import cn.jl.govit.expert.AcceptanceCommittee;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinion;
import cn.jl.govit.expert.AssignmentStatus;
import cn.jl.govit.expert.MaterialRef;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/acceptance-final.json} of the archive package: every final acceptance application with its
 * materials and their SM3 digests as applied with, each application's committee with the experts' opinions, the
 * result, the delegation, and the conditions of Annex 4 §4 as the platform reads them at export, once the initial
 * acceptance passed.
 */
@Component
class FinalAcceptanceDossierSection implements DossierSection {

    private final FinalAcceptances acceptances;
    private final AcceptanceCommittees committees;

    FinalAcceptanceDossierSection(FinalAcceptances acceptances, AcceptanceCommittees committees) {
        this.acceptances = acceptances;
        this.committees = committees;
    }

    @Override
    public String name() {
        return "acceptance-final";
    }

    /** From the passed initial acceptance on: before it there is no final acceptance to record. */
    @Override
    public boolean appliesTo(Project project) {
        return project.initialAcceptedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        FinalAcceptances.Overview overview = acceptances.overview(projectId);
        // the pending application's committee only as far as the reader may see it (the overview decides)
        return new Content(overview.applications().stream()
                .map(a -> new Application(a, committees.committeeOf(a.id())
                        .map(c -> a.id().equals(overview.latest().id()) && !overview.committeeDisclosed()
                                ? Committee.undisclosed(c) : Committee.of(c))
                        .orElse(null)))
                .toList(), overview.delegation(), overview.conditions(), overview.archivePassed());
    }

    record Application(FinalAcceptanceApplication application, Committee committee) {
    }

    record Committee(UUID id, AcceptanceCommittee.Method method, String formedBy, Instant formedAt,
            List<MaterialRef> materials, Set<String> conflictingOrganizationCodes, List<Member> members) {

        static Committee of(AcceptanceCommittee c) {
            return new Committee(c.id(), c.method(), c.formedBy(), c.formedAt(), c.materials(),
                    c.conflictingOrganizationCodes(), c.members().stream().map(Member::of).toList());
        }

        /** While the result is pending, for the construction unit: the committee without who and what. */
        static Committee undisclosed(AcceptanceCommittee c) {
            return new Committee(c.id(), c.method(), c.formedBy(), c.formedAt(), c.materials(),
                    c.conflictingOrganizationCodes(), List.of());
        }
    }

    record Member(String expert, AssignmentStatus status, AcceptanceConclusion conclusion,
            Map<AcceptanceAspect, String> aspects, String overallOpinion, Instant filedAt) {

        static Member of(AcceptanceAssignment a) {
            AcceptanceOpinion o = a.opinion();
            return new Member(a.expertUsername(), a.status(), o == null ? null : o.conclusion(),
                    o == null ? Map.of() : o.aspects(), o == null ? null : o.overallOpinion(), a.filedAt());
        }
    }

    record Content(List<Application> applications, FinalAcceptanceDelegation delegation,
            List<FinalAcceptanceCondition> conditions, boolean archivePassed) {
    }
}
