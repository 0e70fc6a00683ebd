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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Review panels and the experts' opinions (Art. 10, 13 (3)). The approval module forms a panel for a submission
 * version, after it has checked that the caller is the project's approval authority, passing the applicant and
 * participating organisations as the conflicting ones; it reads the reviews and the consolidated report through
 * {@link #reviews(UUID)}, {@link #review(UUID)} and {@link #consolidated(UUID)}, gating them itself. An expert
 * sees only the reviews assigned to it: any other review reads {@code 404}.
 */
@Service
public class ReviewPanels {

    /** The largest panel a draw or a naming forms. */
    public static final int MAX_PANEL_SIZE = 25;

    private final ExpertRepository repository;
    private final ExpertPool pool;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final PanelDrawPolicy drawPolicy = new PanelDrawPolicy(new SecureRandom());

    ReviewPanels(ExpertRepository repository, ExpertPool pool, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Draws {@code size} experts at random ({@link SecureRandom}) among the active pool members who work in none
     * of the conflicting organisations. Too few eligible ⇒ {@code 422 ART-10}; a second panel for the same
     * submission ⇒ {@code 409} ({@link PanelExistsException}). Only an approver
     * may form a panel ({@code 403}); that the approver is the project's authority is the caller's check.
     */
    @Transactional
    public ReviewPanel draw(UUID submissionId, UUID projectId, int size, Set<String> conflictingOrganizationCodes) {
        checkMayFormPanel();
        if (size < 1 || size > MAX_PANEL_SIZE) {
            throw new InvalidInputException("size", "expert.panel.size", MAX_PANEL_SIZE);
        }
        Set<String> conflicts = codes(conflictingOrganizationCodes);
        checkNoPanel(submissionId);
        PanelDrawPolicy.Outcome outcome = drawPolicy.draw(pool.members(), size, conflicts);
        RuleViolationException.throwIfAny(outcome.violations());
        return form(submissionId, projectId, ReviewPanel.Method.DRAW, outcome, conflicts);
    }

    /** Forms a panel of experts named by the authority; a name not in the pool or with a conflict ⇒ {@code 422 ART-10}. */
    @Transactional
    public ReviewPanel name(UUID submissionId, UUID projectId, List<String> expertUsernames,
            Set<String> conflictingOrganizationCodes) {
        checkMayFormPanel();
        if (expertUsernames == null || expertUsernames.isEmpty() || expertUsernames.size() > MAX_PANEL_SIZE) {
            throw new InvalidInputException("expertUsernames", "expert.panel.size", MAX_PANEL_SIZE);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < expertUsernames.size(); i++) {
            String name = expertUsernames.get(i) == null ? "" : expertUsernames.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !names.add(name)) {
                throw new InvalidInputException("expertUsernames[" + i + "]", "expert.panel.duplicate", name);
            }
        }
        Set<String> conflicts = codes(conflictingOrganizationCodes);
        checkNoPanel(submissionId);
        PanelDrawPolicy.Outcome outcome = drawPolicy.name(pool.members(), List.copyOf(names), conflicts);
        RuleViolationException.throwIfAny(outcome.violations());
        return form(submissionId, projectId, ReviewPanel.Method.NAMED, outcome, conflicts);
    }

    private ReviewPanel form(UUID submissionId, UUID projectId, ReviewPanel.Method method, PanelDrawPolicy.Outcome outcome,
            Set<String> conflicts) {
        UUID panelId = UUID.randomUUID();
        var now = clock.instant();
        List<ExpertReview> reviews = outcome.chosen().stream()
                .map(e -> ExpertReview.open(panelId, submissionId, projectId, e.username(), now)).toList();
        ReviewPanel panel = new ReviewPanel(panelId, submissionId, projectId, method, users.current().username(), now, reviews);
        try {
            repository.insert(panel);
        }
        catch (DuplicateKeyException e) {
            throw new PanelExistsException(submissionId);
        }
        audit.record(method == ReviewPanel.Method.DRAW ? "REVIEW_PANEL_DRAWN" : "REVIEW_PANEL_NAMED", "ReviewPanel",
                panelId.toString(), projectId,
                "submission " + submissionId + "; excluded organisations " + new TreeSet<>(conflicts)
                        + "; eligible " + ExpertRepository.usernames(outcome.eligible())
                        + "; " + (method == ReviewPanel.Method.DRAW ? "drawn " : "named ")
                        + ExpertRepository.usernames(outcome.chosen()));
        return panel;
    }

    /** The panel of a submission version, if one was formed; for the approval module, which gates it. */
    @Transactional(readOnly = true)
    public Optional<ReviewPanel> panelOf(UUID submissionId) {
        return repository.panelOf(submissionId);
    }

    /** The reviews of a submission (empty without a panel); for the approval module, which gates it. */
    @Transactional(readOnly = true)
    public List<ExpertReview> reviews(UUID submissionId) {
        return repository.panelOf(submissionId).map(ReviewPanel::reviews).orElse(List.of());
    }

    /** One review whoever asks; for the approval module, which shows it to the authority only. */
    @Transactional(readOnly = true)
    public ExpertReview review(UUID reviewId) {
        return repository.review(reviewId).orElseThrow(() -> new RecordNotFoundException("ExpertReview", reviewId));
    }

    /**
     * The consolidated review report of a submission (Art. 10): every expert's opinion, the count per conclusion,
     * the lowest, median and highest recommended investment and whether all reviews are in. No panel ⇒
     * {@code 404}. For the approval module, which gates it.
     */
    @Transactional(readOnly = true)
    public ConsolidatedReview consolidated(UUID submissionId) {
        return repository.panelOf(submissionId).map(ConsolidatedReview::of)
                .orElseThrow(() -> new RecordNotFoundException("ReviewPanel", submissionId));
    }

    /**
     * Whether the signed-in user is an expert assigned to review the submission; for the approval module, which
     * shows a submission to the experts who review it (api-contract: "Experts see only the submissions they review").
     */
    @Transactional(readOnly = true)
    public boolean isReviewer(UUID submissionId) {
        return users.find().filter(u -> u.has(Role.EXPERT))
                .map(u -> repository.isReviewer(submissionId, u.username())).orElse(false);
    }

    /** The signed-in expert's reviews, open ones first; anyone but an expert ⇒ {@code 403}. */
    @Transactional(readOnly = true)
    public List<ExpertReview> myReviews() {
        CurrentUser user = users.current();
        if (!user.has(Role.EXPERT)) {
            throw new AccessDeniedException("only experts have reviews");
        }
        return repository.reviewsOf(user.username());
    }

    /** A review as its assigned expert reads it; anyone else ⇒ {@code 404}. */
    @Transactional(readOnly = true)
    public ExpertReview myReview(UUID reviewId) {
        CurrentUser user = users.current();
        return repository.review(reviewId).filter(r -> user.has(Role.EXPERT) && r.expertUsername().equals(user.username()))
                .orElseThrow(() -> new RecordNotFoundException("ExpertReview", reviewId));
    }

    /**
     * The assigned expert files the opinion, which closes the review. A missing aspect ⇒ {@code 422 ART-10}
     * (the sharing analysis {@code ART-13-3}); a second filing ⇒ {@code 409}.
     */
    @Transactional
    public ExpertReview fileOpinion(UUID reviewId, ReviewOpinion opinion) {
        return fileOpinion(reviewId, null, opinion);
    }

    /** The same, refused with {@code 409} when the review is no longer at the version the expert read. */
    @Transactional
    public ExpertReview fileOpinion(UUID reviewId, Long expectedVersion, ReviewOpinion opinion) {
        ExpertReview review = myReview(reviewId);
        if (expectedVersion != null && expectedVersion != review.version()) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "review " + reviewId + " is at version " + review.version());
        }
        review.file(opinion, clock.instant());
        repository.update(review);
        audit.record("REVIEW_OPINION_FILED", "ExpertReview", reviewId.toString(), review.projectId(),
                "submission " + review.submissionId() + " " + review.expertUsername() + " " + opinion.conclusion()
                        + " " + opinion.recommendedInvestment().toPlainString());
        return repository.review(reviewId).orElseThrow();
    }

    private void checkMayFormPanel() {
        if (!users.current().has(Role.APPROVER)) {
            throw new AccessDeniedException("only an approval authority forms a review panel");
        }
    }

    private void checkNoPanel(UUID submissionId) {
        if (repository.panelExists(submissionId)) {
            throw new PanelExistsException(submissionId);
        }
    }

    private static Set<String> codes(Set<String> codes) {
        Set<String> out = new TreeSet<>();
        if (codes != null) {
            codes.stream().filter(c -> c != null && !c.isBlank()).map(c -> c.strip().toUpperCase(Locale.ROOT)).forEach(out::add);
        }
        return out;
    }
}
