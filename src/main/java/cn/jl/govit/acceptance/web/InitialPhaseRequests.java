package cn.jl.govit.acceptance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.acceptance.AcceptanceExtensionStatus;
import cn.jl.govit.acceptance.AcceptanceKind;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptanceResult;
import cn.jl.govit.acceptance.InitialAcceptances;

/** Request bodies of initial acceptance, trial run, extensions and rectification; free texts up to 20,000. */
final class InitialPhaseRequests {

    private InitialPhaseRequests() {
    }

    @Schema(description = "A special acceptance (专项验收) and the document of its report")
    record SpecialAcceptanceBody(
            @Schema(description = "code from regulation/outlines.yaml specialAcceptances", example = "SA-QUALITY")
            @NotNull @Size(max = 32) String code,
            @Schema(description = "id of a document of the same project") @NotNull UUID documentId) {
    }

    @Schema(description = "An initial acceptance (初步验收) recorded by the construction unit (Art. 26, Annex 4 §6)")
    record InitialAcceptanceBody(
            @Schema(description = "the day of the acceptance", example = "2026-11-20") @NotNull LocalDate acceptedOn,
            @Schema(description = "PASSED (default) or FAILED") InitialAcceptanceResult result,
            @Schema(description = "every required special acceptance with its report (passed)") @Size(max = 50)
            List<@NotNull @Valid SpecialAcceptanceBody> specialAcceptances,
            @Schema(description = "the initial acceptance report (初步验收报告), required when passed") UUID reportDocumentId,
            @Schema(description = "the acceptance opinion; required when failed (what to rectify)") @Size(max = 20000)
            String opinion) {

        InitialAcceptances.NewInitialAcceptance toCommand() {
            return new InitialAcceptances.NewInitialAcceptance(acceptedOn, result, reportDocumentId, opinion,
                    specialAcceptances == null ? List.of() : specialAcceptances.stream()
                            .map(s -> new InitialAcceptance.SpecialAcceptanceReport(s.code().strip(), s.documentId()))
                            .toList());
        }
    }

    @Schema(description = "The trial run (试运行): its start and, once stable, since when")
    record TrialRunBody(@Schema(example = "2026-09-01") @NotNull LocalDate startedOn,
            @Schema(description = "optional until the system runs stably", example = "2026-10-01") LocalDate stableSince) {
    }

    @Schema(description = "An application to extend an acceptance deadline (延期验收申请, Art. 27, Annex 4 §1)")
    record ExtensionBody(@NotNull AcceptanceKind kind,
            @Schema(description = "the reasons for the delay") @NotNull @Size(min = 1, max = 20000) String reasons,
            @Schema(description = "the new date, after the current deadline", example = "2027-03-31") @NotNull LocalDate newDate) {
    }

    @Schema(description = "The approval authority's decision on an extension")
    record ExtensionDecisionBody(@Schema(description = "APPROVED or REJECTED") @NotNull AcceptanceExtensionStatus decision,
            @Schema(description = "the opinion (required when rejected)") @Size(max = 20000) String opinion) {
    }

    @Schema(description = "The construction unit records a rectification completed (Art. 27)")
    record RectificationCompletionBody(@Schema(example = "2027-01-15") @NotNull LocalDate completedOn,
            @Schema(description = "a document of the project reporting the rectification") UUID documentId,
            @Schema(description = "what was rectified") @NotNull @Size(min = 1, max = 20000) String summary) {
    }
}
