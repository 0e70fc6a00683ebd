package cn.jl.govit.supervision;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requests of the sanction ladder, the same for the API and the pages. */
public final class SanctionRequests {

    private SanctionRequests() {
    }

    @Schema(description = "A sanction of Art. 31 citing a finding whose rectification was refused or is overdue, or the "
            + "public criticism of Art. 33 citing a violation record: exactly one of findingId and violationId")
    public record NewSanction(
            @Schema(description = "PUBLIC_CRITICISM (the raising body or the approval authority), SUSPEND_FUNDS (Finance), "
                    + "SUSPEND_CONSTRUCTION and TERMINATE (the approval authority; TERMINATE only after an earlier sanction on the same finding)")
            @NotNull SanctionKind kind,
            @Schema(description = "The finding of this project whose rectification was refused or is overdue (Art. 31)") UUID findingId,
            @Schema(description = "The violation record of this project (Art. 33); only with PUBLIC_CRITICISM") UUID violationId,
            @Schema(description = "The text of the notice: why, as it will be published", maxLength = 2000)
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "Lifting a sanction, by the body that imposed it, with its reason")
    public record Lifting(@Schema(maxLength = 2000) @NotBlank @Size(max = 2000) String reason) {
    }
}
