package cn.jl.govit.supervision;

import java.time.LocalDate;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Who records a violation and when one may be recorded, referred or withdrawn (Art. 33, 34). Plain Java; never
 * throws for a rule.
 * <p>
 * Art. 33 names the project's approval authority (项目审批部门: the Digital Bureau, or the DRC for a project funded
 * from the central budget) as the body that criticises and asks the competent bodies to deal with the conduct, so
 * only its approvers record the Art. 33 kinds. Art. 34 misconduct is for "有关部门": the authority and every
 * supervising body (Audit, Finance, the CAC …) may record it. Anyone else — departments, experts, the Leading Group,
 * the administrator — has no standing ({@code 403}); a supervising body that records an Art. 33 kind on a project
 * whose authority it is not has standing for Art. 34 only and is refused by the rule ({@code 422 ART-33}), because
 * whether it may record depends on what it records.
 * <p>
 * Only the recording body refers or withdraws its record; a withdrawn record takes no referral and is not withdrawn
 * twice ({@code 422}). A violation occurs neither in the future ({@code 400 date.future}, input) nor before the
 * project was proposed ({@code 422}); a referral is not made before the violation occurred ({@code 422}).
 */
public final class ViolationRecordPolicy {

    public static final String RULE = "ART-33";
    public static final String MISCONDUCT_RULE = "ART-34";

    /** The caller's standing towards a project's violation records. */
    public enum Standing {
        /** an approver of the project's approval authority: every kind */
        AUTHORITY,
        /** another supervising body: Art. 34 misconduct only */
        SUPERVISING_BODY,
        /** no standing at all (403) */
        NONE
    }

    private ViolationRecordPolicy() {
    }

    /**
     * @param callerOrg the caller's organisation code
     * @param approver whether the caller holds the approver role
     * @param supervisingBody whether the caller acts for a provincial supervising body
     * @param authorityOrg the organisation code of the project's approval authority
     */
    public static Standing standing(String callerOrg, boolean approver, boolean supervisingBody, String authorityOrg) {
        if (callerOrg == null) {
            return Standing.NONE;
        }
        if (approver && supervisingBody && callerOrg.equals(authorityOrg)) {
            return Standing.AUTHORITY;
        }
        return supervisingBody ? Standing.SUPERVISING_BODY : Standing.NONE;
    }

    /** Whether the caller may record anything on the project (else {@code 403}). */
    public static boolean mayRecordAny(Standing standing) {
        return standing != Standing.NONE;
    }

    /** The Art. 33 kinds are the approval authority's; misconduct (Art. 34) any supervising body's. */
    public static List<Violation> mayRecord(Standing standing, ViolationKind kind) {
        if (standing == Standing.AUTHORITY || kind == ViolationKind.MISCONDUCT) {
            return List.of();
        }
        return List.of(Violation.of(RULE, "kind", "violation.ART-33.authority-only",
                new MessageKey("enum.ViolationKind." + kind.name())));
    }

    /** Input: the day of the violation lies after today. */
    public static boolean inFuture(LocalDate occurredOn, LocalDate today) {
        return occurredOn != null && occurredOn.isAfter(today);
    }

    /** The violation occurred on or after the day the project was proposed. */
    public static List<Violation> occurredAfterProposal(ViolationKind kind, LocalDate occurredOn, LocalDate proposedOn) {
        if (occurredOn == null || proposedOn == null || !occurredOn.isBefore(proposedOn)) {
            return List.of();
        }
        return List.of(Violation.of(kind.rule(), "occurredOn", "violation.ART-33.before-proposed",
                occurredOn.toString(), proposedOn.toString()));
    }

    /** Only a standing record is referred to the competent bodies. */
    public static List<Violation> referable(ViolationKind kind, ViolationStatus status) {
        return status == ViolationStatus.RECORDED ? List.of()
                : List.of(Violation.of(kind.rule(), "status", "violation.ART-33.withdrawn-no-referral"));
    }

    /** A referral is made on or after the day the violation occurred. */
    public static List<Violation> referredAfterOccurred(ViolationKind kind, LocalDate occurredOn, LocalDate referredOn) {
        if (occurredOn == null || referredOn == null || !referredOn.isBefore(occurredOn)) {
            return List.of();
        }
        return List.of(Violation.of(kind.rule(), "referredOn", "violation.ART-33.referred-before-occurred",
                referredOn.toString(), occurredOn.toString()));
    }

    /** A record is withdrawn once; it stays visible with its reason (Art. 30). */
    public static List<Violation> withdrawable(ViolationKind kind, ViolationStatus status) {
        return status == ViolationStatus.RECORDED ? List.of()
                : List.of(Violation.of(kind.rule(), "status", "violation.ART-33.already-withdrawn"));
    }
}
