package cn.jl.govit.acceptance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 26, 27, Annex 4 §6: when the construction unit may record an initial acceptance, and what a passed one needs.
 * <ul>
 * <li>Timing: on or after the start of construction and the previous attempt; on or before the planned completion
 * (the end of the approved construction period) or an approved extension's date — else {@code ART-26}, apply for an
 * extension (Art. 27). After a failed attempt, only once the rectification is recorded complete and on or after that
 * day, and on or before the rectification deadline (or a later approved extension) — else {@code ART-27}.</li>
 * <li>A passed attempt needs the initial acceptance report and a report of every required special acceptance, each
 * missing one its own violation ({@code item} = its code); a failed one needs the opinion that says what to
 * rectify.</li>
 * </ul>
 * Returns every violation at once; never throws.
 */
public final class InitialAcceptancePolicy {

    private InitialAcceptancePolicy() {
    }

    /**
     * The dates that decide the timing.
     *
     * @param extendedUntil the latest approved extension's new date, or {@code null}
     * @param lastAttemptOn the day of the previous attempt, or {@code null}
     * @param rectification the latest rectification after a failed initial acceptance, or {@code null}
     */
    public record Timing(LocalDate acceptedOn, LocalDate constructionStartedOn, LocalDate plannedCompletion,
            LocalDate extendedUntil, LocalDate lastAttemptOn, AcceptanceRectification rectification) {
    }

    public static List<Violation> timing(Timing t) {
        List<Violation> violations = new ArrayList<>();
        if (t.constructionStartedOn() != null && t.acceptedOn().isBefore(t.constructionStartedOn())) {
            violations.add(Violation.of("ART-26", "acceptedOn", "violation.ART-26.before-start",
                    t.acceptedOn().toString(), t.constructionStartedOn().toString()));
            return violations;
        }
        if (t.lastAttemptOn() != null && t.acceptedOn().isBefore(t.lastAttemptOn())) {
            violations.add(Violation.of("ART-26", "acceptedOn", "violation.ART-26.initial-before-previous",
                    t.acceptedOn().toString(), t.lastAttemptOn().toString()));
            return violations;
        }
        LocalDate deadline = later(t.plannedCompletion(), t.extendedUntil());
        AcceptanceRectification r = t.rectification();
        if (r == null) {
            if (deadline != null && t.acceptedOn().isAfter(deadline)) {
                violations.add(Violation.of("ART-26", "acceptedOn", "violation.ART-26.initial-late",
                        t.acceptedOn().toString(), deadline.toString()));
            }
            return violations;
        }
        if (r.open()) {
            violations.add(Violation.of("ART-27", "rectification", "violation.ART-27.not-rectified",
                    r.failedOn().toString(), r.dueDate().toString()));
            return violations;
        }
        if (t.acceptedOn().isBefore(r.completedOn())) {
            violations.add(Violation.of("ART-27", "acceptedOn", "violation.ART-27.before-rectified",
                    t.acceptedOn().toString(), r.completedOn().toString()));
        }
        // an extension approved after the failure may carry the retry beyond the rectification window
        LocalDate retryDeadline = later(r.dueDate(), t.extendedUntil());
        if (t.acceptedOn().isAfter(retryDeadline)) {
            violations.add(Violation.of("ART-27", "acceptedOn", "violation.ART-27.retry-late",
                    t.acceptedOn().toString(), retryDeadline.toString()));
        }
        return violations;
    }

    /**
     * What a passed attempt lacks: the report ({@code reportDocumentId}) and the report of each required special
     * acceptance not among {@code reportedCodes}.
     */
    public static List<Violation> passed(Collection<SpecialAcceptanceCatalog.SpecialAcceptance> catalog,
            Set<String> reportedCodes, boolean reportPresent) {
        List<Violation> violations = new ArrayList<>();
        if (!reportPresent) {
            violations.add(Violation.of("ART-26", "reportDocumentId", "violation.ART-26.initial-report-missing"));
        }
        for (SpecialAcceptanceCatalog.SpecialAcceptance s : catalog) {
            if (s.required() && !reportedCodes.contains(s.code())) {
                violations.add(Violation.of("ART-26", s.code(), "violation.ART-26.initial-special-missing", s.title(),
                        s.code()));
            }
        }
        return violations;
    }

    /** A failed attempt names what to rectify (Art. 27). */
    public static List<Violation> failed(String opinion) {
        return opinion == null || opinion.isBlank()
                ? List.of(Violation.of("ART-26", "opinion", "violation.ART-26.initial-opinion-required"))
                : List.of();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
