package cn.jl.govit.acceptance;

import java.time.LocalDate;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 27, Annex 4 §1: an extension extends a running deadline — the initial acceptance's (the planned completion or
 * the last approved extension) or the final acceptance application's (once it runs) — to a later date.
 */
final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    /** {@code deadline} is the deadline now running for the kind, {@code null} when none runs. */
    static List<Violation> application(AcceptanceKind kind, LocalDate deadline, LocalDate newDate) {
        if (deadline == null) {
            return List.of(Violation.of("ART-27", "kind", "violation.ART-27.no-deadline-" + kind.name().toLowerCase(
                    java.util.Locale.ROOT)));
        }
        if (!newDate.isAfter(deadline)) {
            return List.of(Violation.of("ART-27", "newDate", "violation.ART-27.extension-not-later", newDate.toString(),
                    deadline.toString()));
        }
        return List.of();
    }
}
