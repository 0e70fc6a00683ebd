package cn.jl.govit.expert;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The final acceptance committee of one application (竣工验收委员会 with its expert group, Annex 4 §7 (二) 1):
 * drawn at random ({@code DRAW}) or named by the authority ({@code NAMED}), with the snapshot of the project and
 * the materials it assesses and one assignment per expert.
 */
public record AcceptanceCommittee(UUID id, UUID applicationId, UUID projectId, String projectCode, String projectName,
        Method method, String formedBy, Instant formedAt, List<MaterialRef> materials,
        Set<String> conflictingOrganizationCodes, List<AcceptanceAssignment> members) {

    public AcceptanceCommittee {
        materials = List.copyOf(materials);
        conflictingOrganizationCodes = Set.copyOf(conflictingOrganizationCodes);
        members = List.copyOf(members);
    }

    /** The filed opinions, in the members' order. */
    public List<AcceptanceOpinion> opinions() {
        return members.stream().map(AcceptanceAssignment::opinion).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether every member has filed. */
    public boolean allOpinionsIn() {
        return !members.isEmpty() && members.stream().allMatch(m -> m.status() == AssignmentStatus.FILED);
    }

    public enum Method {
        DRAW, NAMED
    }
}
