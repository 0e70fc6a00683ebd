package cn.jl.govit.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A final acceptance application (竣工验收申请, Art. 26, Annex 4 §7 (一)) of the construction unit with the materials it
 * carried, and the result decided on it by the approval authority on its committee's opinions — or by the unit
 * itself when the authority delegated the acceptance (Annex 4 §5 (二)). Applications are numbered per project and
 * kept; after a failure and the rectification (Art. 27) the unit applies again with a new one.
 *
 * @param reportDocumentId the unit's acceptance report when it decided by delegation, else {@code null}
 */
public record FinalAcceptanceApplication(UUID id, UUID projectId, int number, boolean softwareDeveloped,
        LocalDate appliedOn, String appliedBy, Instant appliedAt, List<Material> materials,
        FinalAcceptanceStatus status, LocalDate decidedOn, String opinion, String decidedBy, UUID reportDocumentId,
        boolean delegated, long version) {

    public FinalAcceptanceApplication {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(appliedOn);
        Objects.requireNonNull(status);
        materials = List.copyOf(materials);
    }

    public boolean pending() {
        return status == FinalAcceptanceStatus.PENDING;
    }

    public Optional<Material> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public boolean has(String code) {
        return material(code).isPresent();
    }

    /**
     * A material as applied with: the stored document and its SM3 digest at that moment ({@code null} for a
     * classified project's offline reference, which has no bytes here).
     */
    public record Material(String code, UUID documentId, String sm3) {

        public Material {
            Objects.requireNonNull(code);
            Objects.requireNonNull(documentId);
        }
    }
}
