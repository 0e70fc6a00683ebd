package cn.jl.govit.project;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 7–8: unified construction is the norm. Self-construction needs one of the three grounds of Art. 8
 * and a justification; the ground "classified" only for a classified project, which may always self-build.
 * The mode is settled before the first submission (Art. 7).
 */
public final class ConstructionModePolicy {

    public List<Violation> check(ProjectStatus status, boolean classified, ConstructionMode mode,
            SelfBuildException exception, String justification) {
        List<Violation> violations = new ArrayList<>();
        if (status != ProjectStatus.DRAFT) {
            violations.add(Violation.of("ART-7", "mode", "violation.ART-7.after-submission"));
        }
        if (mode == ConstructionMode.UNIFIED && exception != null) {
            violations.add(Violation.of("ART-8", "exception", "violation.ART-8.unified-with-exception"));
        }
        if (mode == ConstructionMode.SELF_BUILT) {
            if (exception == null) {
                violations.add(Violation.of("ART-8", "exception", "violation.ART-8.exception-required"));
            }
            else if (exception == SelfBuildException.CLASSIFIED && !classified) {
                violations.add(Violation.of("ART-8", "exception", "violation.ART-8.not-classified"));
            }
            if (justification == null || justification.isBlank()) {
                violations.add(Violation.of("ART-8", "justification", "violation.ART-8.justification-required"));
            }
        }
        return violations;
    }
}
