package cn.jl.govit.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the supervision use cases take, from the API's JSON and the pages' forms alike; texts up to 20,000. */
public final class SupervisionRequests {

    private SupervisionRequests() {
    }

    @Schema(description = "A finding a supervising body raises in its duty area (Art. 31), from its inspection, an evaluation (Art. 32) or an overdue obligation")
    public record NewFinding(
            @Schema(description = "duty area (422 ART-31 outside the body's areas); required unless the source is EVALUATION, whose area is PERFORMANCE", example = "FUNDS") SupervisionArea area,
            @Schema(description = "发现的问题事实") @NotBlank @Size(max = 20000) String facts,
            @Schema(description = "ids of documents stored for the project") @Size(max = 50) List<UUID> evidenceDocumentIds,
            @Schema(description = "整改期限, not in the past; default today + the rectification window", example = "2027-06-30") LocalDate rectificationDue,
            @Schema(description = "DIRECT (default), EVALUATION (the project's approval authority only) or OBLIGATION", example = "OBLIGATION") SupervisionFindingSource source,
            @Schema(description = "EVALUATION: id of the self-evaluation or post-evaluation; OBLIGATION: id of an overdue obligation of the project (422 ART-31 otherwise); none for DIRECT") UUID sourceRef) {

        /** A direct finding, as the body's inspection raises it. */
        public NewFinding(SupervisionArea area, String facts, List<UUID> evidenceDocumentIds, LocalDate rectificationDue) {
            this(area, facts, evidenceDocumentIds, rectificationDue, null, null);
        }

        /** The source, DIRECT when none is given. */
        public SupervisionFindingSource sourceOrDefault() {
            return source == null ? SupervisionFindingSource.DIRECT : source;
        }
    }

    @Schema(description = "The construction unit's rectification of an open finding")
    public record Rectification(@Schema(example = "2027-03-01") @NotNull LocalDate rectifiedOn,
            @Schema(description = "整改情况") @NotBlank @Size(max = 20000) String summary,
            @Size(max = 50) List<UUID> evidenceDocumentIds) {
    }

    @Schema(description = "The raising body's review of a reported rectification; REJECTED needs an opinion")
    public record Review(@NotNull ReviewDecision decision, @Size(max = 20000) String opinion) {
    }

    @Schema(description = "The raising body withdraws its finding, with a reason (the finding stays listed)")
    public record Withdrawal(@NotBlank @Size(max = 20000) String reason) {
    }
}
