package cn.jl.govit.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 24: the construction unit keeps the project's archives and forms its electronic archive; the Archives Bureau
 * accepts them. An application needs registered archives and no round open or passed; a result needs an open
 * application, a date not before it, and — when the archives fail — the Bureau's opinion on what to put right.
 * Returns every violation at once; never throws.
 */
public final class ArchiveAcceptancePolicy {

    static final String RULE = "ART-24";

    private ArchiveAcceptancePolicy() {
    }

    /** Whether the unit may register more documents: not while the Bureau examines them, nor after they passed. */
    public static List<Violation> registration(ArchiveAcceptance latest) {
        if (latest == null) {
            return List.of();
        }
        if (latest.pending()) {
            return List.of(Violation.of(RULE, "status", "violation.ART-24.application-pending", latest.appliedOn().toString()));
        }
        if (latest.result() == ArchiveResult.PASSED) {
            return List.of(Violation.of(RULE, "status", "violation.ART-24.already-passed", latest.acceptedOn().toString()));
        }
        return List.of();
    }

    /** Whether the unit may apply: archives registered, no round open, none passed. */
    public static List<Violation> application(long entryCount, ArchiveAcceptance latest) {
        List<Violation> violations = new ArrayList<>(registration(latest));
        if (entryCount == 0) {
            violations.add(Violation.of(RULE, "entries", "violation.ART-24.no-entries"));
        }
        return violations;
    }

    /** Whether the Bureau may record this result on the latest round. */
    public static List<Violation> result(ArchiveAcceptance latest, ArchiveResult result, LocalDate acceptedOn,
            String opinion) {
        if (latest == null || !latest.pending()) {
            return List.of(Violation.of(RULE, "application", "violation.ART-24.no-application"));
        }
        List<Violation> violations = new ArrayList<>();
        if (acceptedOn.isBefore(latest.appliedOn())) {
            violations.add(Violation.of(RULE, "acceptedOn", "violation.ART-24.before-application", acceptedOn.toString(),
                    latest.appliedOn().toString()));
        }
        if (result == ArchiveResult.FAILED && (opinion == null || opinion.isBlank())) {
            violations.add(Violation.of(RULE, "opinion", "violation.ART-24.opinion-required"));
        }
        return violations;
    }
}
