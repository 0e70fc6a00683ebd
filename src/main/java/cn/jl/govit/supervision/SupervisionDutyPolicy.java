package cn.jl.govit.supervision;

import static cn.jl.govit.supervision.SupervisionArea.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 5 and 31: each supervising body supervises projects in its own duty area — the CAC cybersecurity, the DRC
 * and the Digital Bureau approval, progress and performance (绩效评价, where their findings from evaluations sit,
 * Art. 32), Finance the funds, Audit the funds and legality, the Cryptography
 * Administration commercial cryptography, the Archives Bureau the archives, the Secrecy Bureau classified matters,
 * Public Security the multi-level protection scheme, State Security security risks. Keyed on the organisation code
 * of the user's organisation.
 * <p>
 * Audit (审计厅) reads everything and changes nothing elsewhere on the platform; raising an audit finding is its
 * supervision duty (Art. 5: 审计部门依法对项目建设资金的使用情况进行审计监督), so it is allowed here explicitly.
 * <p>
 * A finding comes from the body's own inspection, from an evaluation (only the project's approval authority, in
 * the performance area, {@code ART-32}) or from an obligation of the project that is overdue on the day it is
 * cited ({@code ART-31}).
 * <p>
 * Plain Java; never throws for a rule. The rectification deadline defaults to {@code rectificationWindowMonths}
 * calendar months after the day the finding is raised.
 */
public record SupervisionDutyPolicy(int rectificationWindowMonths) {

    static final String RULE = "ART-31";
    static final String EVALUATION_RULE = "ART-32";

    private static final Map<String, Set<SupervisionArea>> AREAS = Map.of(
            OrganizationCodes.CYBERSPACE, EnumSet.of(CYBERSECURITY),
            OrganizationCodes.DEVELOPMENT_REFORM, EnumSet.of(APPROVAL, PROGRESS, PERFORMANCE),
            OrganizationCodes.DIGITAL_BUREAU, EnumSet.of(APPROVAL, PROGRESS, PERFORMANCE),
            OrganizationCodes.FINANCE, EnumSet.of(FUNDS),
            OrganizationCodes.AUDIT, EnumSet.of(FUNDS, LEGALITY),
            OrganizationCodes.CRYPTOGRAPHY, EnumSet.of(CRYPTOGRAPHY),
            OrganizationCodes.ARCHIVES, EnumSet.of(ARCHIVES),
            OrganizationCodes.SECRECY, EnumSet.of(CLASSIFIED),
            OrganizationCodes.PUBLIC_SECURITY, EnumSet.of(MLPS),
            OrganizationCodes.STATE_SECURITY, EnumSet.of(SECURITY_RISK));

    /** The duty areas of a body, in declaration order; empty for any other organisation. */
    public List<SupervisionArea> areasOf(String organizationCode) {
        Set<SupervisionArea> areas = organizationCode == null ? null : AREAS.get(organizationCode);
        return areas == null ? List.of() : List.copyOf(EnumSet.copyOf(areas));
    }

    /** Whether the organisation is a supervising body at all (any duty area). */
    public boolean supervises(String organizationCode) {
        return !areasOf(organizationCode).isEmpty();
    }

    /** A body raises findings only in its own duty areas; the violation names the area and the body's areas. */
    public List<Violation> mayRaise(String organizationCode, SupervisionArea area) {
        List<SupervisionArea> areas = areasOf(organizationCode);
        if (areas.contains(area)) {
            return List.of();
        }
        String own = areas.stream().map(SupervisionArea::name).collect(Collectors.joining(", "));
        return List.of(Violation.of(RULE, "area", "violation.ART-31.outside-duty",
                new MessageKey("enum.SupervisionArea." + area.name()), own.isEmpty() ? "-" : own));
    }

    /**
     * Who raises from which source: a supervising body (any duty area) raises DIRECT and OBLIGATION findings, only
     * the project's approval authority raises from an EVALUATION. A {@code false} is a {@code 403}, not a rule.
     */
    public boolean mayRaiseFrom(SupervisionFindingSource source, String organizationCode, String authorityCode) {
        if (!supervises(organizationCode)) {
            return false;
        }
        return source != SupervisionFindingSource.EVALUATION || organizationCode.equals(authorityCode);
    }

    /** The area a finding gets when none is asked for: an evaluation's is performance; others must name theirs. */
    public static SupervisionArea defaultArea(SupervisionFindingSource source) {
        return source == SupervisionFindingSource.EVALUATION ? PERFORMANCE : null;
    }

    /** Art. 32: the authority's rectification opinions on evaluations are findings of the performance area. */
    public List<Violation> evaluationInPerformance(SupervisionFindingSource source, SupervisionArea area) {
        return source != SupervisionFindingSource.EVALUATION || area == PERFORMANCE ? List.of()
                : List.of(Violation.of(EVALUATION_RULE, "area", "violation.ART-32.evaluation-area",
                        new MessageKey("enum.SupervisionArea." + area.name())));
    }

    /**
     * A body cites an obligation of the same project that is overdue on the day: still pending and past its due
     * date (the due day itself is still in time). {@code obligationProject} is null when no such obligation exists.
     */
    public List<Violation> citedObligation(UUID projectId, UUID obligationProject, boolean pending,
            LocalDate dueDate, LocalDate today) {
        if (obligationProject == null || !obligationProject.equals(projectId)) {
            return List.of(Violation.of(RULE, "sourceRef", "violation.ART-31.obligation-other-project"));
        }
        if (!pending || !today.isAfter(dueDate)) {
            return List.of(Violation.of(RULE, "sourceRef", "violation.ART-31.obligation-not-overdue",
                    dueDate.toString(), today.toString()));
        }
        return List.of();
    }

    /** The deadline asked for, or the default one counted from the day the finding was raised. */
    public LocalDate rectificationDue(LocalDate raisedOn, LocalDate requested) {
        return requested != null ? requested : raisedOn.plusMonths(rectificationWindowMonths);
    }

    /** The unit answers a finding that is open (raised, or its last rectification rejected). */
    public List<Violation> answerable(FindingStatus status) {
        return status == FindingStatus.OPEN ? List.of() : notIn(status, "violation.ART-31.finding-not-open");
    }

    /** The body reviews a rectification that awaits its review. */
    public List<Violation> reviewable(FindingStatus status) {
        return status == FindingStatus.RECTIFIED ? List.of() : notIn(status, "violation.ART-31.finding-not-rectified");
    }

    /** A closed or withdrawn finding is settled and cannot be withdrawn. */
    public List<Violation> withdrawable(FindingStatus status) {
        return status == FindingStatus.OPEN || status == FindingStatus.RECTIFIED ? List.of()
                : notIn(status, "violation.ART-31.finding-settled");
    }

    /** A rectification is done after the finding that asked for it, never before. */
    public List<Violation> rectifiedAfterRaised(LocalDate raisedOn, LocalDate rectifiedOn) {
        return rectifiedOn.isBefore(raisedOn)
                ? List.of(Violation.of(RULE, "rectifiedOn", "violation.ART-31.rectified-before-raised",
                        rectifiedOn.toString(), raisedOn.toString()))
                : List.of();
    }

    /** Derived: an open finding past its deadline is overdue (the obligation's daily scan says the same). */
    public static boolean overdue(FindingStatus status, LocalDate due, LocalDate today) {
        return status == FindingStatus.OPEN && today.isAfter(due);
    }

    private static List<Violation> notIn(FindingStatus status, String key) {
        return List.of(Violation.of(RULE, "status", key, new MessageKey("enum.FindingStatus." + status.name())));
    }

    /**
     * Whether the user acts for a provincial supervising body (Art. 5, 31): a provincial body that reads every project.
     * The Leading Group coordinates (Art. 4) and raises, sanctions and records nothing itself.
     */
    public static boolean isSupervisingBody(CurrentUser user) {
        return user.organizationKind() == OrganizationKind.PROVINCIAL_BODY && user.readsAllProjects()
                && !user.has(Role.LEADING_GROUP);
    }
}
