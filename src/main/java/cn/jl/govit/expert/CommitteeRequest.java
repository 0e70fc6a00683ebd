package cn.jl.govit.expert;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the acceptance module hands over when the authority forms a final acceptance committee: the
 * application and project by id, the project's code and name and the application's materials as a snapshot
 * (this module reads neither table), and the organisations whose experts have a conflict of interest (the
 * construction unit and the participating departments, Art. 10).
 */
public record CommitteeRequest(UUID applicationId, UUID projectId, String projectCode, String projectName,
        List<MaterialRef> materials, Set<String> conflictingOrganizationCodes) {

    public CommitteeRequest {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectCode, "projectCode");
        Objects.requireNonNull(projectName, "projectName");
        materials = materials == null ? List.of() : List.copyOf(materials);
        conflictingOrganizationCodes = conflictingOrganizationCodes == null ? Set.of() : Set.copyOf(conflictingOrganizationCodes);
    }
}
