package cn.jl.govit.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * When and by whom the sanctions of Art. 31 and 33 may be imposed and lifted.
 * <ul>
 * <li><b>When</b> (Art. 31 "对限期拒不整改或整改后仍不符合要求的"): the cited finding is open and either past its
 * rectification deadline or its last rectification was rejected. A finding still within its deadline, awaiting
 * review, closed or withdrawn warrants none.</li>
 * <li><b>Who</b>: public criticism the body that raised the finding or the project's approval authority, to which
 * every finding is reported (Art. 31 "并报项目审批部门"); suspending funds only Finance, which disburses them;
 * suspending construction and terminating only the approval authority, which approved the project. Art. 33 public
 * criticism is the approval authority's alone, and Art. 33 knows no other sanction.</li>
 * <li><b>Ladder</b> ("直至终止项目"): termination is the last step, so it needs an earlier sanction on the same
 * finding; one sanction of a kind per finding at a time.</li>
 * <li><b>Lifting</b>: a termination is final.</li>
 * </ul>
 */
public final class SanctionPolicy {

    public static final String RULE = "ART-31";
    public static final String VIOLATION_RULE = "ART-33";

    /**
     * Whether the cited finding warrants a sanction today.
     *
     * @param lastDecision the review of its last rectification, {@code null} when none was reviewed
     */
    public List<Violation> warranted(FindingStatus status, LocalDate rectificationDue, ReviewDecision lastDecision,
            LocalDate today) {
        boolean refused = status == FindingStatus.OPEN && lastDecision == ReviewDecision.REJECTED;
        boolean overdue = status == FindingStatus.OPEN && today.isAfter(rectificationDue);
        if (refused || overdue) {
            return List.of();
        }
        return List.of(Violation.of(RULE, "findingId", "violation.ART-31.sanction-not-warranted",
                new MessageKey("enum.FindingStatus." + status.name()), rectificationDue.toString()));
    }

    /**
     * Whether the caller's body may impose this kind on this basis.
     *
     * @param findingBody the body that raised the cited finding, {@code null} when a violation record is cited
     */
    public List<Violation> competent(SanctionKind kind, String callerBody, String authorityBody, String findingBody) {
        if (findingBody == null) {
            if (kind != SanctionKind.PUBLIC_CRITICISM) {
                return List.of(Violation.of(VIOLATION_RULE, "kind", "violation.ART-33.criticism-only",
                        new MessageKey("enum.SanctionKind." + kind.name())));
            }
            return callerBody.equals(authorityBody) ? List.of()
                    : List.of(Violation.of(VIOLATION_RULE, "kind", "violation.ART-33.criticism-by-authority"));
        }
        boolean allowed = switch (kind) {
            case PUBLIC_CRITICISM -> callerBody.equals(findingBody) || callerBody.equals(authorityBody);
            case SUSPEND_FUNDS -> OrganizationCodes.FINANCE.equals(callerBody);
            case SUSPEND_CONSTRUCTION, TERMINATE -> callerBody.equals(authorityBody);
        };
        return allowed ? List.of() : List.of(Violation.of(RULE, "kind", "violation.ART-31.sanction-not-competent." + kind.name()));
    }

    /**
     * The ladder on one finding.
     *
     * @param active the kinds in force on the cited finding (or violation record)
     * @param earlier every kind ever imposed on it, lifted ones included
     */
    public List<Violation> ladder(SanctionKind kind, Collection<SanctionKind> active, Collection<SanctionKind> earlier) {
        if (active.contains(kind)) {
            return List.of(Violation.of(RULE, "kind", "violation.ART-31.sanction-in-force",
                    new MessageKey("enum.SanctionKind." + kind.name())));
        }
        if (kind == SanctionKind.TERMINATE && earlier.isEmpty()) {
            return List.of(Violation.of(RULE, "kind", "violation.ART-31.terminate-last-step"));
        }
        return List.of();
    }

    /** Whether the sanction may be lifted: one in force and not a termination. */
    public List<Violation> liftable(Sanction sanction) {
        if (sanction.kind() == SanctionKind.TERMINATE) {
            return List.of(Violation.of(sanction.rule(), "status", "violation.ART-31.termination-final"));
        }
        if (!sanction.active()) {
            return List.of(Violation.of(sanction.rule(), "status", "violation.ART-31.sanction-lifted",
                    sanction.liftedOn().toString()));
        }
        return List.of();
    }
}
