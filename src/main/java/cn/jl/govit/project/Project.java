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
    private long version;
    private final transient List<Object> events = new ArrayList<>();

    /** Restores a project as stored; the repository's constructor, not a way to skip the rules. */
    public Project(UUID id, String code, String name, String summary, Set<ProjectCategory> categories,
            String leadOrganizationCode, List<String> participatingOrganizationCodes, BigDecimal estimatedInvestment,
            int constructionPeriodMonths, ProjectFacts facts, String createdBy, Instant createdAt, ProjectStatus status,
            ApprovalAuthority approvalAuthority, ApprovalPath approvalPath, ConstructionModeDecision constructionMode,
            BigDecimal approvedEstimate, Set<Stage> approvedStages, long version) {
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
                authority.authority(), path, null, null, Set.of(), 0);
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
     * estimate and makes the project {@code APPROVED} (Art. 9, 21).
     */
    public void approveStage(Stage stage, BigDecimal approvedInvestment) {
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
    public long version() { return version; }
}
