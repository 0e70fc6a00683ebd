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
    private long version;
    private final transient List<Object> events = new ArrayList<>();

    /** Restores a project as stored; the repository's constructor, not a way to skip the rules. */
    public Project(UUID id, String code, String name, String summary, Set<ProjectCategory> categories,
            String leadOrganizationCode, List<String> participatingOrganizationCodes, BigDecimal estimatedInvestment,
            int constructionPeriodMonths, ProjectFacts facts, String createdBy, Instant createdAt, ProjectStatus status,
            ApprovalAuthority approvalAuthority, ApprovalPath approvalPath, ConstructionModeDecision constructionMode,
            BigDecimal approvedEstimate, long version) {
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
                authority.authority(), path, null, null, 0);
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
    public long version() { return version; }
}
