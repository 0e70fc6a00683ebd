package cn.jl.govit.project;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The Digital Bureau's decision on how a project is built (Art. 7–8), recorded before its first submission.
 *
 * @param exception the Art. 8 ground for self-construction, {@code null} for unified construction
 */
public record ConstructionModeDecision(ConstructionMode mode, SelfBuildException exception, String justification,
        String decidedBy, LocalDate decidedOn) {

    public ConstructionModeDecision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(decidedOn, "decidedOn");
    }
}
