package cn.jl.govit.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Upgrades of systems in operation (Art. 29). The construction unit of a project in operation requests an upgrade;
 * its route follows from whether the system shares and is catalogued ({@link UpgradeRoutePolicy}). On the normal
 * route the upgrade project is proposed at once, as the unit, and goes the approval path of any project. On the
 * joint-review route the project's approval authority records the joint review with the departments concerned, the
 * Digital Jilin Leading Group decides, and after its approval the unit proposes the upgrade project. Everyone who sees
 * the operating project sees its upgrades ({@code 404} otherwise); each step is audited and notified.
 */
@Service
public class Upgrades {

    /** The longest name a project has (the project table's limit). */
    static final int PROJECT_NAME_MAX = 200;

    private final UpgradeRepository repository;
    private final Projects projects;
    private final Documents documents;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final UpgradeNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    Upgrades(UpgradeRepository repository, Projects projects, Documents documents, Organizations organizations,
            CurrentUsers users, UpgradeNotices notices, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.documents = documents;
        this.organizations = organizations;
        this.users = users;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The route the facts lead to, for the form's preview ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public UpgradeAssessment assess(UUID projectId, boolean shareable, String catalogueCode) {
        projects.get(projectId);
        return UpgradeRoutePolicy.assess(shareable, catalogueCode);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRequest(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /**
     * The construction unit requests an upgrade of its system in operation ({@code 422 ART-29} otherwise). On the
     * normal route the upgrade project is proposed in the same transaction; on the joint-review route the approval
     * authority is told to review it.
     */
    @Transactional
    public UpgradeRequest request(UUID projectId, UpgradeProposal proposal) {
        Project project = checkMayRequest(projectId);
        checkDocument(projectId, proposal.documentId(), "documentId");
        RuleViolationException.throwIfAny(UpgradePolicy.request(project.status()));
        CurrentUser user = users.current();
        UpgradeRequest upgrade = UpgradeRequest.submit(UUID.randomUUID(), projectId, repository.nextNumber(projectId),
                project.leadOrganizationCode(), project.approvalAuthority().organizationCode(), proposal,
                projects.today(), user.username(), clock.instant());
        try {
            repository.insert(upgrade);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("an upgrade request of " + projectId + " was filed meanwhile");
        }
        audit.record("UPGRADE_REQUESTED", "UpgradeRequest", upgrade.id().toString(), projectId,
                project.code() + " upgrade " + upgrade.number() + " " + proposal.title() + "; route " + upgrade.route()
                        + (proposal.catalogueCode() == null ? "" : ", catalogue " + proposal.catalogueCode()));
        if (upgrade.route() == UpgradeRoute.NORMAL_APPROVAL) {
            return proposeProject(project, upgrade);
        }
        notices.jointReviewAsked(project, upgrade);
        return upgrade;
    }

    /** The request, for whoever sees its project ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public UpgradeRequest get(UUID id) {
        UpgradeRequest upgrade = repository.find(id).orElseThrow(() -> new RecordNotFoundException("UpgradeRequest", id));
        if (!projects.isVisible(upgrade.projectId())) {
            throw new RecordNotFoundException("UpgradeRequest", id);
        }
        return upgrade;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the operating project's approval authority. */
    @Transactional(readOnly = true)
    public UpgradeRequest checkMayReview(UUID id) {
        UpgradeRequest upgrade = get(id);
        projects.requireAuthority(projects.get(upgrade.projectId()));
        return upgrade;
    }

    /**
     * The approval authority records the joint review with the departments concerned: {@code 400} for a date in the
     * future, unknown organisations or none besides the unit; {@code 422 ART-29} off the joint-review route, twice,
     * or dated before the request. The Leading Group is told to decide.
     */
    @Transactional
    public UpgradeRequest recordJointReview(UUID id, JointReviewInput input) {
        UpgradeRequest upgrade = checkMayReview(id);
        Project project = projects.get(upgrade.projectId());
        List<FieldError> errors = new ArrayList<>();
        futureDate(errors, "reviewedOn", input.reviewedOn());
        Set<String> departments = new LinkedHashSet<>();
        for (int i = 0; i < input.departments().size(); i++) {
            String code = input.departments().get(i) == null ? "" : input.departments().get(i).strip();
            Organization org = organizations.find(code).filter(Organization::active).orElse(null);
            if (org == null) {
                errors.add(new FieldError("departments[" + i + "]", "organization.unknown", List.of(code)));
            }
            else {
                departments.add(org.code());
            }
        }
        if (errors.stream().noneMatch(e -> e.field().startsWith("departments"))
                && departments.stream().allMatch(upgrade.leadOrganizationCode()::equals)) {
            errors.add(new FieldError("departments", "upgrade.field.departments.besides-unit", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        checkDocument(upgrade.projectId(), input.documentId(), "documentId");
        UpgradeRequest next = upgrade.reviewed(new UpgradeRequest.JointReview(input.reviewedOn(), List.copyOf(departments),
                input.opinion().strip(), input.recommendation(), input.documentId(), users.current().username(),
                clock.instant()));
        repository.update(next);
        audit.record("UPGRADE_JOINT_REVIEW_RECORDED", "UpgradeRequest", id.toString(), upgrade.projectId(),
                project.code() + " upgrade " + upgrade.number() + " reviewed on " + input.reviewedOn() + " with "
                        + String.join(",", departments) + ": " + input.recommendation());
        notices.leadingGroupAsked(project, next);
        return get(id);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is of the Digital Jilin Leading Group. */
    @Transactional(readOnly = true)
    public UpgradeRequest checkMayDecide(UUID id) {
        UpgradeRequest upgrade = get(id);
        if (!isLeadingGroup()) {
            throw new AccessDeniedException("only the Digital Jilin Leading Group decides an upgrade that does not share");
        }
        return upgrade;
    }

    /**
     * The Leading Group decides after the joint review ({@code 422 ART-29} before it, twice, or dated before it);
     * the unit is told either way.
     */
    @Transactional
    public UpgradeRequest decide(UUID id, LeadingGroupVerdict verdict, LocalDate decidedOn, String opinion) {
        UpgradeRequest upgrade = checkMayDecide(id);
        List<FieldError> errors = new ArrayList<>();
        futureDate(errors, "decidedOn", decidedOn);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Project project = projects.get(upgrade.projectId());
        UpgradeRequest next = upgrade.decided(new UpgradeRequest.Decision(verdict, decidedOn,
                opinion == null || opinion.isBlank() ? null : opinion.strip(), users.current().username(), clock.instant()));
        repository.update(next);
        audit.record("UPGRADE_LEADING_GROUP_" + verdict.name(), "UpgradeRequest", id.toString(), upgrade.projectId(),
                project.code() + " upgrade " + upgrade.number() + " decided on " + decidedOn);
        notices.decided(project, next);
        return get(id);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the operating project's construction unit. */
    @Transactional(readOnly = true)
    public UpgradeRequest checkMayCreateProject(UUID id) {
        UpgradeRequest upgrade = get(id);
        projects.requireConstructionUnit(projects.get(upgrade.projectId()));
        return upgrade;
    }

    /**
     * The unit proposes the upgrade project of a request the Leading Group approved ({@code 422 ART-29} before the
     * approval, after a rejection, or a second time).
     */
    @Transactional
    public UpgradeRequest createProject(UUID id) {
        UpgradeRequest upgrade = checkMayCreateProject(id);
        RuleViolationException.throwIfAny(UpgradePolicy.projectCreation(upgrade));
        return proposeProject(projects.get(upgrade.projectId()), upgrade);
    }

    /** The project's upgrade requests, newest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<UpgradeRequest> forProject(UUID projectId, Paging paging) {
        projects.get(projectId);
        return new PageOf<>(repository.forProject(projectId, paging.page(), paging.size()), paging.page(),
                paging.size(), repository.countForProject(projectId));
    }

    /**
     * The requests in the caller's scope, newest first, those awaiting the Leading Group first for its members:
     * department staff see their department's, approvers their authority's, the Leading Group, the Audit Office and the
     * other provincial bodies all, anyone else none.
     */
    @Transactional(readOnly = true)
    public PageOf<UpgradeRequest> page(UpgradeStatus status, Paging paging) {
        UpgradeRepository.Scope scope = scope(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), paging.page(), paging.size(), 0);
        }
        return new PageOf<>(repository.page(scope, status, isLeadingGroup(), paging.page(), paging.size()),
                paging.page(), paging.size(), repository.count(scope, status));
    }

    /** Whether the signed-in user requests an upgrade of this project now; the page shows the form then. */
    public boolean canRequest(Project project) {
        return projects.isConstructionUnit(project) && UpgradePolicy.request(project.status()).isEmpty();
    }

    /** Whether the signed-in user records the joint review of this request now. */
    public boolean canReview(UpgradeRequest upgrade, Project project) {
        return projects.isAuthority(project) && UpgradePolicy.jointReview(upgrade, null).isEmpty();
    }

    /** Whether the signed-in user records the Leading Group's decision on this request now. */
    public boolean canDecide(UpgradeRequest upgrade) {
        return isLeadingGroup() && UpgradePolicy.decision(upgrade, null).isEmpty();
    }

    /** Whether the signed-in user proposes the upgrade project of this request now. */
    public boolean canCreateProject(UpgradeRequest upgrade, Project project) {
        return projects.isConstructionUnit(project) && UpgradePolicy.projectCreation(upgrade).isEmpty();
    }

    /** Whether the signed-in user acts for the Digital Jilin Leading Group (Art. 4, 29). */
    public boolean isLeadingGroup() {
        return users.find().map(u -> u.has(Role.LEADING_GROUP)
                && OrganizationCodes.LEADING_GROUP.equals(u.organizationCode())).orElse(false);
    }

    /**
     * The upgrade project, proposed as the unit: the operating project's categories, participants and facts, the
     * request's estimate and period, funded from the operating project's first source with the new amount.
     */
    private UpgradeRequest proposeProject(Project project, UpgradeRequest upgrade) {
        UpgradeProposal p = upgrade.proposal();
        ProjectFacts f = project.facts();
        List<FundingLine> funding = f.fundingSources().isEmpty() ? List.of()
                : List.of(new FundingLine(f.fundingSources().get(0).source(), p.estimatedInvestment()));
        // an upgrade is no emergency of its own (Art. 9 (2)): it takes the ordinary path its facts give
        ProjectFacts facts = new ProjectFacts(funding, f.inProvincialPlan(), null, f.simpleOrEquipmentOnly(),
                f.classified(), f.newCivilWorks(), f.highEnergyUse(), f.buildsNewCloudPlatform());
        Project created = projects.propose(new NewProject(projectName(project.name(), p.title()), p.scope(),
                project.categories(), project.participatingOrganizationCodes(), p.estimatedInvestment(),
                p.constructionPeriodMonths(), facts));
        UpgradeRequest next = upgrade.projectCreated(new UpgradeRequest.CreatedProject(created.id(),
                users.current().username(), clock.instant()));
        repository.update(next);
        audit.record("UPGRADE_PROJECT_CREATED", "UpgradeRequest", upgrade.id().toString(), upgrade.projectId(),
                project.code() + " upgrade " + upgrade.number() + " ⇒ project " + created.code());
        return repository.find(upgrade.id()).orElseThrow();
    }

    /** "<original>升级改造：<title>", the original name shortened when the whole would pass the limit. */
    static String projectName(String original, String title) {
        String suffix = "升级改造：" + title;
        int room = PROJECT_NAME_MAX - suffix.length();
        return (original.length() > room ? original.substring(0, Math.max(0, room)) : original) + suffix;
    }

    private void checkDocument(UUID projectId, UUID documentId, String field) {
        if (documentId == null) {
            return;
        }
        try {
            if (!documents.get(documentId).projectId().equals(projectId)) {
                throw new InvalidInputException(field, "upgrade.field.document.other-project");
            }
        }
        catch (RecordNotFoundException e) {
            throw new InvalidInputException(field, "upgrade.field.document.other-project");
        }
    }

    private void futureDate(List<FieldError> errors, String field, LocalDate date) {
        LocalDate today = projects.today();
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "date.future", List.of(date.toString(), today.toString())));
        }
    }

    private static UpgradeRepository.Scope scope(CurrentUser user) {
        if (user.isDepartmentStaff()) {
            return new UpgradeRepository.Scope(false, user.organizationCode(), null);
        }
        if (user.has(Role.APPROVER)) {
            return new UpgradeRepository.Scope(false, null, user.organizationCode());
        }
        if (user.readsAllProjects()) {
            return new UpgradeRepository.Scope(true, null, null);
        }
        return new UpgradeRepository.Scope(false, null, null);
    }

    /** The joint review as the authority states it (validated by the caller's bean validation). */
    public record JointReviewInput(LocalDate reviewedOn, List<String> departments, String opinion,
            Recommendation recommendation, UUID documentId) {

        public JointReviewInput {
            departments = departments == null ? List.of() : new ArrayList<>(departments);
        }
    }
}
