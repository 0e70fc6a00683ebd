package cn.jl.govit.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Reason;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * A government IT project (政务信息化项目) from the department's proposal to its operation (Art. 3). It
 * guards its own transitions: each verb checks the rules of the measures, changes state and records an
 * event. Its approval authority and approval path are derived from its facts, never typed in (Art. 5, 9).
 */
public class Project {

    private final UUID id;
    private final String code;
    private final String name;
    private final String summary;
    private final Set<ProjectCategory> categories;
    private final String leadOrganizationCode;
    private final List<String> participatingOrganizationCodes;
    private final BigDecimal estimatedInvestment;
    private final int constructionPeriodMonths;
    private final ProjectFacts facts;
    private final String createdBy;
    private final Instant createdAt;
    private ProjectStatus status;
    private ApprovalAuthority approvalAuthority;
    private ApprovalPath approvalPath;
    private ConstructionModeDecision constructionMode;
    private BigDecimal approvedEstimate;
    private final EnumSet<Stage> approvedStages;
    private LocalDate approvedOn;
    private Integer approvedConstructionPeriodMonths;
    private LocalDate constructionStartedOn;
    private LocalDate initialAcceptedOn;
    private LocalDate operationStartedOn;
    private Restrictions restrictions;
    private long version;
    private final transient List<Object> events = new ArrayList<>();

    /** Restores a project as stored; the repository's constructor, not a way to skip the rules. */
    public Project(UUID id, String code, String name, String summary, Set<ProjectCategory> categories,
            String leadOrganizationCode, List<String> participatingOrganizationCodes, BigDecimal estimatedInvestment,
            int constructionPeriodMonths, ProjectFacts facts, String createdBy, Instant createdAt, ProjectStatus status,
            ApprovalAuthority approvalAuthority, ApprovalPath approvalPath, ConstructionModeDecision constructionMode,
            BigDecimal approvedEstimate, Set<Stage> approvedStages, LocalDate approvedOn,
            Integer approvedConstructionPeriodMonths, LocalDate constructionStartedOn, LocalDate initialAcceptedOn,
            LocalDate operationStartedOn, Restrictions restrictions, long version) {
        this.id = Objects.requireNonNull(id);
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.summary = summary;
        this.categories = categories.isEmpty() ? EnumSet.noneOf(ProjectCategory.class) : EnumSet.copyOf(categories);
        this.leadOrganizationCode = Objects.requireNonNull(leadOrganizationCode);
        this.participatingOrganizationCodes = List.copyOf(participatingOrganizationCodes);
        this.estimatedInvestment = Objects.requireNonNull(estimatedInvestment);
        this.constructionPeriodMonths = constructionPeriodMonths;
        this.facts = Objects.requireNonNull(facts);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = Objects.requireNonNull(status);
        this.approvalAuthority = Objects.requireNonNull(approvalAuthority);
        this.approvalPath = Objects.requireNonNull(approvalPath);
        this.constructionMode = constructionMode;
        this.approvedEstimate = approvedEstimate;
        this.approvedStages = approvedStages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(approvedStages);
        this.approvedOn = approvedOn;
        this.approvedConstructionPeriodMonths = approvedConstructionPeriodMonths;
        this.constructionStartedOn = constructionStartedOn;
        this.initialAcceptedOn = initialAcceptedOn;
        this.operationStartedOn = operationStartedOn;
        this.restrictions = Objects.requireNonNull(restrictions);
        this.version = version;
    }

    /**
     * A department proposes a project: it starts as {@code DRAFT} with the authority (Art. 5) and the
     * shortest lawful path (Art. 9) derived from its facts.
     */
    public static Project propose(UUID id, String code, NewProject proposal, String leadOrganizationCode,
            String createdBy, Instant createdAt) {
        var authority = new ApprovalAuthorityPolicy().derive(proposal.facts());
        var path = new ApprovalPathPolicy().derive(proposal.facts());
        Project project = new Project(id, code, proposal.name(), proposal.summary(), proposal.categories(),
                leadOrganizationCode, proposal.participatingOrganizationCodes(), proposal.estimatedInvestment(),
                proposal.constructionPeriodMonths(), proposal.facts(), createdBy, createdAt, ProjectStatus.DRAFT,
                authority.authority(), path, null, null, Set.of(), null, null, null, null, null, Restrictions.NONE, 0);
        project.events.add(new ProjectEvents.ProjectProposed(id, code, leadOrganizationCode, authority.authority(),
                path.type(), path.stages(), proposal.estimatedInvestment()));
        return project;
    }

    /** The Digital Bureau decides unified or self construction before the first submission (Art. 7–8). */
    public void decideConstructionMode(ConstructionMode mode, SelfBuildException exception, String justification,
            String decidedBy, LocalDate decidedOn) {
        RuleViolationException.throwIfAny(
                new ConstructionModePolicy().check(status, facts.classified(), mode, exception, justification));
        String text = justification == null || justification.isBlank() ? null : justification.strip();
        this.constructionMode = new ConstructionModeDecision(mode, exception, text, decidedBy, decidedOn);
        events.add(new ProjectEvents.ConstructionModeDecided(id, mode, exception));
    }

    /** The authority sets a shorter path on another legal basis, before the first submission (Art. 9 (4)). */
    public void simplifyApprovalPath(List<Stage> stages, String legalBasis) {
        ApprovalPathPolicy policy = new ApprovalPathPolicy();
        ApprovalPath derived = policy.derive(facts);
        List<Violation> violations = new ArrayList<>();
        if (status != ProjectStatus.DRAFT) {
            violations.add(Violation.of("ART-9-4", "stages", "violation.ART-9-4.after-submission"));
        }
        violations.addAll(policy.checkLegalSimplification(derived, stages, legalBasis));
        RuleViolationException.throwIfAny(violations);
        this.approvalPath = policy.legalSimplification(derived, stages, legalBasis);
        events.add(new ProjectEvents.ApprovalPathSimplified(id, approvalPath.stages(), approvalPath.legalBasis()));
    }

    /**
     * The construction unit files the submission of a stage (Art. 9): the construction mode must be settled
     * (Art. 7), the stage must lie on the path and every earlier stage of the path must be approved. The first
     * submission moves the project into approval.
     */
    public void submitStage(Stage stage) {
        List<Violation> violations = new ArrayList<>();
        if (constructionMode == null) {
            violations.add(Violation.of("ART-7", "constructionMode", "violation.ART-7.mode-not-decided"));
        }
        violations.addAll(stageOrder(stage));
        if (status != ProjectStatus.DRAFT && status != ProjectStatus.IN_APPROVAL) {
            violations.add(Violation.of("ART-9", "status", "violation.ART-9.not-in-approval",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        RuleViolationException.throwIfAny(violations);
        if (status == ProjectStatus.DRAFT) {
            status = ProjectStatus.IN_APPROVAL;
        }
        events.add(new ProjectEvents.StageSubmitted(id, stage));
    }

    /**
     * The approval authority approves a stage. Approving the last stage of the path sets the approved
     * estimate, the approved construction period and the approval date, and makes the project
     * {@code APPROVED} (Art. 9, 21).
     */
    public void approveStage(Stage stage, BigDecimal approvedInvestment, Integer constructionPeriodMonths,
            LocalDate decidedOn) {
        List<Violation> violations = new ArrayList<>(stageOrder(stage));
        if (status != ProjectStatus.IN_APPROVAL) {
            violations.add(Violation.of("ART-9", "status", "violation.ART-9.not-in-approval",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        RuleViolationException.throwIfAny(violations);
        approvedStages.add(stage);
        events.add(new ProjectEvents.StageApproved(id, stage, approvedInvestment));
        if (stage == approvalPath.lastStage()) {
            approvedEstimate = Objects.requireNonNull(approvedInvestment, "approvedInvestment");
            approvedConstructionPeriodMonths = constructionPeriodMonths == null ? this.constructionPeriodMonths
                    : constructionPeriodMonths;
            approvedOn = Objects.requireNonNull(decidedOn, "decidedOn");
            status = ProjectStatus.APPROVED;
            events.add(new ProjectEvents.ProjectApproved(id, approvedInvestment));
        }
    }

    /** The approval authority rejects the project at a stage; it leaves the lifecycle (Art. 9). */
    public void reject(Stage stage) {
        if (status != ProjectStatus.IN_APPROVAL) {
            throw new RuleViolationException(Violation.of("ART-9", "status", "violation.ART-9.not-in-approval",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        status = ProjectStatus.REJECTED;
        events.add(new ProjectEvents.ProjectRejected(id, stage));
    }

    /**
     * The construction unit starts construction of an approved project (Art. 14), on a date that is neither
     * in the future nor before the approval. The construction period runs from that date.
     */
    public void startConstruction(LocalDate startedOn, LocalDate today) {
        Objects.requireNonNull(startedOn, "startedOn");
        if (startedOn.isAfter(today)) {
            throw new InvalidInputException("startedOn", "date.future", startedOn.toString(), today.toString());
        }
        List<Violation> violations = new ArrayList<>();
        if (status != ProjectStatus.APPROVED) {
            violations.add(Violation.of("ART-14", "status", "violation.ART-14.not-approved",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        else if (approvedOn != null && startedOn.isBefore(approvedOn)) {
            violations.add(Violation.of("ART-14", "startedOn", "violation.ART-14.before-approval",
                    startedOn.toString(), approvedOn.toString()));
        }
        RuleViolationException.throwIfAny(violations);
        constructionStartedOn = startedOn;
        status = ProjectStatus.UNDER_CONSTRUCTION;
        events.add(new ProjectEvents.ConstructionStarted(id, startedOn, approvedConstructionPeriodMonths(),
                plannedCompletion()));
    }

    /**
     * Why the project takes no new construction records or changes now: a suspended project none until it is
     * resumed (Art. 22), a project that is not under construction none at all (Art. 14). Empty when it does.
     */
    public List<Violation> constructionRecordsRefused() {
        if (status == ProjectStatus.TERMINATED) {
            return writesRefused();
        }
        if (status == ProjectStatus.SUSPENDED) {
            return List.of(ART_31.equals(restrictions.suspensionRule())
                    ? Violation.of(ART_31, "status", "violation.ART-31.construction-suspended")
                    : Violation.of("ART-22", "status", "violation.ART-22.suspended"));
        }
        if (status != ProjectStatus.UNDER_CONSTRUCTION) {
            return List.of(Violation.of("ART-14", "status", "violation.ART-14.not-under-construction",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        return List.of();
    }

    /** The approval authority suspends construction after a serious delay or major loss (Art. 22). */
    public void suspend(String reason) {
        suspend("ART-22", reason);
    }

    /**
     * Construction is suspended, under Art. 22 (a serious delay or major loss) or as the Art. 31 sanction for a
     * rectification refused or overdue; only a project under construction. The rule is kept: a sanction's suspension
     * ends only when the sanction is lifted, not by the Art. 22 resumption.
     */
    public void suspend(String rule, String reason) {
        if (status != ProjectStatus.UNDER_CONSTRUCTION) {
            throw new RuleViolationException(Violation.of(rule, "status", "violation." + rule + ".not-suspendable",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        status = ProjectStatus.SUSPENDED;
        restrictions = restrictions.suspendedUnder(rule);
        events.add(new ProjectEvents.ConstructionSuspended(id, reason));
    }

    /** The approval authority lets a suspended project resume construction (Art. 22). */
    public void resume(String reason) {
        resume("ART-22", reason);
    }

    /**
     * Construction resumes: under Art. 22 only a project its authority suspended under Art. 22 ({@code 422 ART-31}
     * while a sanction holds it), under Art. 31 only when the sanction that suspended it is lifted.
     */
    public void resume(String rule, String reason) {
        if (status != ProjectStatus.SUSPENDED) {
            throw new RuleViolationException(Violation.of(rule, "status", "violation." + rule + ".not-suspended",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        if (!rule.equals(restrictions.suspensionRule())) {
            throw new RuleViolationException(Violation.of(ART_31, "status",
                    ART_31.equals(restrictions.suspensionRule()) ? "violation.ART-31.suspended-by-sanction"
                            : "violation.ART-31.suspended-under-art-22"));
        }
        status = ProjectStatus.UNDER_CONSTRUCTION;
        restrictions = restrictions.suspendedUnder(null);
        events.add(new ProjectEvents.ConstructionResumed(id, reason));
    }

    /**
     * Finance suspends the project's funds, the Art. 31 sanction for a rectification refused or overdue: further
     * disbursements are refused until it is lifted. Only an approved project that is not terminated, and not twice.
     */
    public void suspendFunds(String reason) {
        RuleViolationException.throwIfAny(writesRefused());
        if (approvedOn == null) {
            throw new RuleViolationException(Violation.of(ART_31, "status", "violation.ART-31.funds-not-approved",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        if (restrictions.fundsSuspended()) {
            throw new RuleViolationException(Violation.of(ART_31, "status", "violation.ART-31.funds-already-suspended"));
        }
        restrictions = restrictions.withFundsSuspended(true);
        events.add(new ProjectEvents.FundsSuspended(id, reason));
    }

    /** The suspension of funds is lifted: disbursements may go on. */
    public void resumeFunds(String reason) {
        if (!restrictions.fundsSuspended()) {
            throw new RuleViolationException(Violation.of(ART_31, "status", "violation.ART-31.funds-not-suspended"));
        }
        restrictions = restrictions.withFundsSuspended(false);
        events.add(new ProjectEvents.FundsResumed(id, reason));
    }

    /**
     * The project is terminated (终止项目), the last step of the Art. 31 ladder: from any status that allows it, for
     * good. Afterwards it keeps only read access ({@link #writesRefused()}); its pending obligations lapse.
     */
    public void terminate(LocalDate terminatedOn, String reason) {
        Objects.requireNonNull(terminatedOn, "terminatedOn");
        if (!status.canMoveTo(ProjectStatus.TERMINATED)) {
            throw new RuleViolationException(Violation.of(ART_31, "status", "violation.ART-31.not-terminable",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        ProjectStatus before = status;
        status = ProjectStatus.TERMINATED;
        restrictions = restrictions.suspendedUnder(null).terminatedOn(terminatedOn);
        events.add(new ProjectEvents.ProjectTerminated(id, before, terminatedOn, reason));
    }

    /** Why nothing may be written to the project any more: it was terminated (Art. 31). Empty otherwise. */
    public List<Violation> writesRefused() {
        return status == ProjectStatus.TERMINATED
                ? List.of(Violation.of(ART_31, "status", "violation.ART-31.terminated", restrictions.terminatedOn().toString()))
                : List.of();
    }

    /**
     * Why Finance may not disburse now: the project was terminated, or its funds are suspended as an Art. 31
     * sanction. Empty when it may (suspending construction alone does not stop payments for work already done).
     */
    public List<Violation> disbursementsRefused() {
        if (status == ProjectStatus.TERMINATED) {
            return writesRefused();
        }
        return restrictions.fundsSuspended()
                ? List.of(Violation.of(ART_31, "status", "violation.ART-31.funds-suspended"))
                : List.of();
    }

    /**
     * The approved estimate changes only through an approval (Art. 21, 23): a re-approved feasibility study or
     * preliminary design, or the provincial government's decision on an increase of the Digital Jilin fund.
     */
    public void reviseApprovedEstimate(BigDecimal newEstimate, String basis) {
        reviseApproval(newEstimate, null, basis);
    }

    /**
     * A re-approval after a change (Art. 23) sets a new estimate and, when it says so, a new construction period; the
     * period still runs from the start, so the planned completion and every deadline derived from it move with it.
     *
     * @param newPeriodMonths the re-approved period, or {@code null} to keep the approved one
     */
    public void reviseApproval(BigDecimal newEstimate, Integer newPeriodMonths, String basis) {
        Objects.requireNonNull(newEstimate, "newEstimate");
        if (status != ProjectStatus.APPROVED && status != ProjectStatus.UNDER_CONSTRUCTION
                && status != ProjectStatus.SUSPENDED) {
            throw new RuleViolationException(Violation.of("ART-23", "status", "violation.ART-23.not-in-construction",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        BigDecimal previous = approvedEstimate;
        approvedEstimate = newEstimate;
        events.add(new ProjectEvents.ApprovedEstimateRevised(id, previous, newEstimate, basis));
        if (newPeriodMonths != null && newPeriodMonths != approvedConstructionPeriodMonths()) {
            int previousMonths = approvedConstructionPeriodMonths();
            approvedConstructionPeriodMonths = newPeriodMonths;
            events.add(new ProjectEvents.ConstructionPeriodRevised(id, previousMonths, newPeriodMonths,
                    constructionStartedOn, plannedCompletion(), basis));
        }
    }

    /**
     * The construction unit's initial acceptance passed (Art. 26, Annex 4 §6): construction ends and the project
     * is in acceptance. Only a project under construction (not a suspended one), on a day neither in the future nor
     * before the start. Whether the day lies within the approved period or an extension is the acceptance module's
     * policy, which knows the extensions and rectifications.
     */
    public void enterAcceptance(LocalDate acceptedOn, LocalDate today) {
        Objects.requireNonNull(acceptedOn, "acceptedOn");
        if (acceptedOn.isAfter(today)) {
            throw new InvalidInputException("acceptedOn", "date.future", acceptedOn.toString(), today.toString());
        }
        List<Violation> violations = new ArrayList<>();
        if (status == ProjectStatus.SUSPENDED) {
            violations.add(Violation.of("ART-22", "status", "violation.ART-22.suspended"));
        }
        else if (status != ProjectStatus.UNDER_CONSTRUCTION) {
            violations.add(Violation.of("ART-26", "status", "violation.ART-26.not-under-construction",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        else if (acceptedOn.isBefore(constructionStartedOn)) {
            violations.add(Violation.of("ART-26", "acceptedOn", "violation.ART-26.before-start",
                    acceptedOn.toString(), constructionStartedOn.toString()));
        }
        RuleViolationException.throwIfAny(violations);
        initialAcceptedOn = acceptedOn;
        status = ProjectStatus.IN_ACCEPTANCE;
        events.add(new ProjectEvents.InitialAcceptancePassed(id, acceptedOn));
    }

    /**
     * The final acceptance passed (Annex 4 §7): the project is accepted and in operation from that day (Art. 28,
     * 35). Only a project in acceptance, on a day neither in the future nor before its initial acceptance. The gates
     * before it (archive acceptance, Art. 24; the application's materials, Art. 26) are the acceptance module's.
     */
    public void startOperation(LocalDate acceptedOn, LocalDate today) {
        Objects.requireNonNull(acceptedOn, "acceptedOn");
        if (acceptedOn.isAfter(today)) {
            throw new InvalidInputException("decidedOn", "date.future", acceptedOn.toString(), today.toString());
        }
        List<Violation> violations = new ArrayList<>();
        if (status != ProjectStatus.IN_ACCEPTANCE) {
            violations.add(Violation.of("ART-26", "status", "violation.ART-26.not-in-acceptance",
                    new MessageKey("enum.ProjectStatus." + status.name())));
        }
        else if (acceptedOn.isBefore(initialAcceptedOn)) {
            violations.add(Violation.of("ART-26", "decidedOn", "violation.ART-26.before-initial-acceptance",
                    acceptedOn.toString(), initialAcceptedOn.toString()));
        }
        RuleViolationException.throwIfAny(violations);
        operationStartedOn = acceptedOn;
        status = ProjectStatus.IN_OPERATION;
        events.add(new ProjectEvents.OperationStarted(id, acceptedOn));
    }

    /** The construction period in months as approved (the proposal's until the approval says otherwise). */
    public int approvedConstructionPeriodMonths() {
        return approvedConstructionPeriodMonths == null ? constructionPeriodMonths : approvedConstructionPeriodMonths;
    }

    /** The end of the approved construction period, once construction has started ("N months later", Art. 26). */
    public LocalDate plannedCompletion() {
        return constructionStartedOn == null ? null : constructionStartedOn.plusMonths(approvedConstructionPeriodMonths());
    }

    /** The first stage of the path that is not approved yet, or {@code null} when all are. */
    public Stage nextStage() {
        return approvalPath.stages().stream().filter(s -> !approvedStages.contains(s)).findFirst().orElse(null);
    }

    private List<Violation> stageOrder(Stage stage) {
        if (!approvalPath.includes(stage)) {
            return List.of(Violation.of("ART-9", "stage", "violation.ART-9.stage-not-on-path",
                    new MessageKey("enum.Stage." + stage.name()), new MessageKey("enum.ApprovalPathType." + approvalPath.type().name())));
        }
        if (approvedStages.contains(stage)) {
            return List.of(Violation.of("ART-9", "stage", "violation.ART-9.stage-approved",
                    new MessageKey("enum.Stage." + stage.name())));
        }
        Stage next = nextStage();
        if (next != stage) {
            return List.of(Violation.of("ART-9", "stage", "violation.ART-9.earlier-stage-first",
                    new MessageKey("enum.Stage." + next.name()), new MessageKey("enum.Stage." + stage.name())));
        }
        return List.of();
    }

    public List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public boolean involves(String organizationCode) {
        return leadOrganizationCode.equals(organizationCode) || participatingOrganizationCodes.contains(organizationCode);
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String summary() { return summary; }
    public Set<ProjectCategory> categories() { return Set.copyOf(categories); }
    public String leadOrganizationCode() { return leadOrganizationCode; }
    public List<String> participatingOrganizationCodes() { return participatingOrganizationCodes; }
    public BigDecimal estimatedInvestment() { return estimatedInvestment; }
    public int constructionPeriodMonths() { return constructionPeriodMonths; }
    public ProjectFacts facts() { return facts; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public ProjectStatus status() { return status; }
    public ApprovalAuthority approvalAuthority() { return approvalAuthority; }
    public ApprovalPath approvalPath() { return approvalPath; }
    public ConstructionModeDecision constructionMode() { return constructionMode; }
    public BigDecimal approvedEstimate() { return approvedEstimate; }
    public Set<Stage> approvedStages() { return Set.copyOf(approvedStages); }
    public LocalDate approvedOn() { return approvedOn; }
    public LocalDate constructionStartedOn() { return constructionStartedOn; }
    /** The day the initial acceptance passed; {@code null} before. */
    public LocalDate initialAcceptedOn() { return initialAcceptedOn; }
    /** The day the final acceptance passed and operation began (Art. 28); {@code null} before. */
    public LocalDate operationStartedOn() { return operationStartedOn; }
    /** The sanctions in force that restrict the project (funds, construction) and its termination. */
    public Restrictions restrictions() { return restrictions; }
    public long version() { return version; }

    private static final String ART_31 = "ART-31";

    /**
     * What the Art. 31 sanctions and the Art. 22 suspension currently restrict.
     *
     * @param fundsSuspended Finance suspended the funds: no further disbursement
     * @param suspensionRule the rule under which construction is suspended ({@code ART-22} or {@code ART-31}), or
     *        {@code null} when it is not
     * @param terminatedOn the day the project was terminated, or {@code null}
     */
    public record Restrictions(boolean fundsSuspended, String suspensionRule, LocalDate terminatedOn) {

        public static final Restrictions NONE = new Restrictions(false, null, null);

        Restrictions withFundsSuspended(boolean suspended) {
            return new Restrictions(suspended, suspensionRule, terminatedOn);
        }

        Restrictions suspendedUnder(String rule) {
            return new Restrictions(fundsSuspended, rule, terminatedOn);
        }

        Restrictions terminatedOn(LocalDate day) {
            return new Restrictions(fundsSuspended, suspensionRule, day);
        }
    }
}
