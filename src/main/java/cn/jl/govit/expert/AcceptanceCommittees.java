package cn.jl.govit.expert;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Final acceptance committees and their experts' acceptance assessment opinions (Annex 4 §7 (二), Art. 26).
 * The acceptance module forms the committee of an application once it has checked that the caller is the
 * project's approval authority, handing over a {@link CommitteeRequest} (the project and materials snapshot
 * and the conflicting organisations); the experts are drawn or named exactly as for a review panel (Art. 10,
 * {@link PanelDrawPolicy}). The acceptance module then reads {@link #opinions(UUID)},
 * {@link #allOpinionsIn(UUID)} and {@link #consolidated(UUID)} before the authority decides, gating them itself.
 * An expert sees only its own assignments: any other reads {@code 404}.
 */
@Service
public class AcceptanceCommittees {

    /** The largest committee a draw or a naming forms; the same bound as a review panel. */
    public static final int MAX_COMMITTEE_SIZE = ReviewPanels.MAX_PANEL_SIZE;

    private final AcceptanceCommitteeRepository repository;
    private final ExpertPool pool;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final PanelDrawPolicy drawPolicy = new PanelDrawPolicy(new SecureRandom());

    AcceptanceCommittees(AcceptanceCommitteeRepository repository, ExpertPool pool, CurrentUsers users, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Draws {@code size} experts at random ({@link SecureRandom}) among the active pool members who work in none
     * of the conflicting organisations. Only an approver may form a committee ({@code 403}); too few eligible ⇒
     * {@code 422 ART-10}; a second committee for the same application ⇒ {@code 409}
     * ({@link CommitteeExistsException}).
     */
    @Transactional
    public AcceptanceCommittee draw(CommitteeRequest request, int size) {
        checkMayForm();
        if (size < 1 || size > MAX_COMMITTEE_SIZE) {
            throw new InvalidInputException("size", "expert.panel.size", MAX_COMMITTEE_SIZE);
        }
        Set<String> conflicts = codes(request.conflictingOrganizationCodes());
        checkNoCommittee(request.applicationId());
        PanelDrawPolicy.Outcome outcome = drawPolicy.draw(pool.members(), size, conflicts);
        RuleViolationException.throwIfAny(outcome.violations());
        return form(request, AcceptanceCommittee.Method.DRAW, outcome, conflicts);
    }

    /**
     * Forms a committee of experts named by the authority; a name not in the pool or with a conflict of interest
     * ⇒ {@code 422 ART-10}; otherwise as {@link #draw(CommitteeRequest, int)}.
     */
    @Transactional
    public AcceptanceCommittee name(CommitteeRequest request, List<String> expertUsernames) {
        checkMayForm();
        if (expertUsernames == null || expertUsernames.isEmpty() || expertUsernames.size() > MAX_COMMITTEE_SIZE) {
            throw new InvalidInputException("expertUsernames", "expert.panel.size", MAX_COMMITTEE_SIZE);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < expertUsernames.size(); i++) {
            String name = expertUsernames.get(i) == null ? "" : expertUsernames.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !names.add(name)) {
                throw new InvalidInputException("expertUsernames[" + i + "]", "expert.panel.duplicate", name);
            }
        }
        Set<String> conflicts = codes(request.conflictingOrganizationCodes());
        checkNoCommittee(request.applicationId());
        PanelDrawPolicy.Outcome outcome = drawPolicy.name(pool.members(), List.copyOf(names), conflicts);
        RuleViolationException.throwIfAny(outcome.violations());
        return form(request, AcceptanceCommittee.Method.NAMED, outcome, conflicts);
    }

    private AcceptanceCommittee form(CommitteeRequest request, AcceptanceCommittee.Method method,
            PanelDrawPolicy.Outcome outcome, Set<String> conflicts) {
        UUID committeeId = UUID.randomUUID();
        var now = clock.instant();
        List<AcceptanceAssignment> members = outcome.chosen().stream()
                .map(e -> AcceptanceAssignment.open(committeeId, request, e.username(), now)).toList();
        AcceptanceCommittee committee = new AcceptanceCommittee(committeeId, request.applicationId(), request.projectId(),
                request.projectCode(), request.projectName(), method, users.current().username(), now,
                request.materials(), conflicts, members);
        try {
            repository.insert(committee);
        }
        catch (DuplicateKeyException e) {
            throw new CommitteeExistsException(request.applicationId());
        }
        audit.record(method == AcceptanceCommittee.Method.DRAW ? "COMMITTEE_DRAWN" : "COMMITTEE_NAMED",
                "AcceptanceCommittee", committeeId.toString(), request.projectId(),
                "application " + request.applicationId() + "; materials " + request.materials().size()
                        + "; excluded organisations " + conflicts
                        + "; eligible " + ExpertRepository.usernames(outcome.eligible())
                        + "; " + (method == AcceptanceCommittee.Method.DRAW ? "drawn " : "named ")
                        + ExpertRepository.usernames(outcome.chosen()));
        return committee;
    }

    /** The committee of an application, if one was formed; for the acceptance module, which gates it. */
    @Transactional(readOnly = true)
    public Optional<AcceptanceCommittee> committeeOf(UUID applicationId) {
        return repository.committeeOf(applicationId);
    }

    /** The filed opinions of an application's committee (empty without one); for the acceptance module. */
    @Transactional(readOnly = true)
    public List<AcceptanceOpinion> opinions(UUID applicationId) {
        return repository.committeeOf(applicationId).map(AcceptanceCommittee::opinions).orElse(List.of());
    }

    /** Whether a committee was formed and every member has filed; {@code false} without a committee. */
    @Transactional(readOnly = true)
    public boolean allOpinionsIn(UUID applicationId) {
        return repository.committeeOf(applicationId).map(AcceptanceCommittee::allOpinionsIn).orElse(false);
    }

    /**
     * The consolidated acceptance assessment of an application: every member's opinion, the count per
     * recommended conclusion and whether all are in. No committee ⇒ {@code 404}. For the acceptance module,
     * which gates it.
     */
    @Transactional(readOnly = true)
    public CommitteeReport consolidated(UUID applicationId) {
        return repository.committeeOf(applicationId).map(CommitteeReport::of)
                .orElseThrow(() -> new RecordNotFoundException("AcceptanceCommittee", applicationId));
    }

    /** Whether the signed-in user is an expert on the application's committee; for the acceptance module's gates. */
    @Transactional(readOnly = true)
    public boolean isMember(UUID applicationId) {
        return users.find().filter(u -> u.has(Role.EXPERT))
                .map(u -> repository.isMember(applicationId, u.username())).orElse(false);
    }

    /** The signed-in expert's assignments (the first {@link Paging#MAX_SIZE}), open ones first; non-experts ⇒ {@code 403}. */
    @Transactional(readOnly = true)
    public List<AcceptanceAssignment> myAssignments() {
        return myAssignments(Paging.of(0, Paging.MAX_SIZE)).content();
    }

    /** One page of the signed-in expert's assignments, open ones first; non-experts ⇒ {@code 403}. */
    @Transactional(readOnly = true)
    public PageOf<AcceptanceAssignment> myAssignments(Paging paging) {
        CurrentUser user = users.current();
        if (!user.has(Role.EXPERT)) {
            throw new AccessDeniedException("only experts sit on acceptance committees");
        }
        return repository.assignmentsOf(user.username(), paging.page(), paging.size());
    }

    /** An assignment as its expert reads it; anyone else ⇒ {@code 404}. */
    @Transactional(readOnly = true)
    public AcceptanceAssignment myAssignment(UUID assignmentId) {
        CurrentUser user = users.current();
        return repository.assignment(assignmentId)
                .filter(a -> user.has(Role.EXPERT) && a.expertUsername().equals(user.username()))
                .orElseThrow(() -> new RecordNotFoundException("AcceptanceAssignment", assignmentId));
    }

    /**
     * The committee an expert's assignment belongs to, with the project and materials snapshot; anyone but the
     * assigned expert ⇒ {@code 404}.
     */
    @Transactional(readOnly = true)
    public AcceptanceCommittee committeeOfMyAssignment(UUID assignmentId) {
        AcceptanceAssignment assignment = myAssignment(assignmentId);
        return repository.committeeOf(assignment.applicationId()).orElseThrow();
    }

    /**
     * The assigned expert files the acceptance assessment opinion, which closes the assignment. A missing aspect,
     * conclusion or overall opinion ⇒ {@code 422 ART-26} (one violation each); a second filing, or an assignment no
     * longer at {@code expectedVersion} (when given) ⇒ {@code 409}.
     */
    @Transactional
    public AcceptanceAssignment fileOpinion(UUID assignmentId, Long expectedVersion, AcceptanceOpinionInput input) {
        AcceptanceAssignment assignment = myAssignment(assignmentId);
        if (expectedVersion != null && expectedVersion != assignment.version()) {
            throw new OptimisticLockingFailureException(
                    "acceptance assignment " + assignmentId + " is at version " + assignment.version());
        }
        assignment.file(input, clock.instant());
        if (!repository.file(assignment)) {
            throw new AssignmentClosedException(assignmentId);
        }
        audit.record("ACCEPTANCE_OPINION_FILED", "AcceptanceAssignment", assignmentId.toString(), assignment.projectId(),
                "application " + assignment.applicationId() + " " + assignment.expertUsername() + " "
                        + assignment.opinion().conclusion());
        return repository.assignment(assignmentId).orElseThrow();
    }

    private void checkMayForm() {
        if (!users.current().has(Role.APPROVER)) {
            throw new AccessDeniedException("only an approval authority forms a final acceptance committee");
        }
    }

    private void checkNoCommittee(UUID applicationId) {
        if (repository.exists(applicationId)) {
            throw new CommitteeExistsException(applicationId);
        }
    }

    private static Set<String> codes(Set<String> codes) {
        Set<String> out = new TreeSet<>();
        if (codes != null) {
            codes.stream().filter(c -> c != null && !c.isBlank()).map(c -> c.strip().toUpperCase(Locale.ROOT))
                    .forEach(out::add);
        }
        return out;
    }
}
