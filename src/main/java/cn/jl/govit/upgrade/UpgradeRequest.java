package cn.jl.govit.upgrade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.rulebook.RuleViolationException;

/**
 * A request to upgrade a system in operation (升级改造, Art. 29), numbered per project. Its route is derived from the
 * facts stated ({@link UpgradeRoutePolicy}) and never typed in. On the normal route the upgrade project is proposed
 * with the request; on the joint-review route the approval authority records the joint review with the departments
 * concerned, the Digital Jilin Leading Group decides, and only its approval lets the unit propose the upgrade project.
 * Each verb checks {@link UpgradePolicy} and answers the next state; the steps stay on the record.
 *
 * @param leadOrganizationCode the operating project's lead department (the construction unit)
 * @param authorityCode the operating project's approval authority, who records the joint review
 */
public record UpgradeRequest(UUID id, UUID projectId, int number, String leadOrganizationCode, String authorityCode,
        UpgradeProposal proposal, UpgradeRoute route, UpgradeStatus status, LocalDate requestedOn, String requestedBy,
        Instant requestedAt, JointReview jointReview, Decision decision, CreatedProject createdProject, long version) {

    public UpgradeRequest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(proposal);
        Objects.requireNonNull(route);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedOn);
    }

    /** A new request, its route derived from the proposal. */
    public static UpgradeRequest submit(UUID id, UUID projectId, int number, String leadOrganizationCode,
            String authorityCode, UpgradeProposal proposal, LocalDate requestedOn, String requestedBy, Instant requestedAt) {
        UpgradeRoute route = UpgradeRoutePolicy.assess(proposal.shareable(), proposal.catalogueCode()).route();
        return new UpgradeRequest(id, projectId, number, leadOrganizationCode, authorityCode, proposal, route,
                UpgradeStatus.SUBMITTED, requestedOn, requestedBy, requestedAt, null, null, null, 0);
    }

    /** The route with its reasons, as derived from the facts stated. */
    public UpgradeAssessment assessment() {
        return UpgradeRoutePolicy.assess(proposal.shareable(), proposal.catalogueCode());
    }

    /** The authority recorded the joint review: the request awaits the Leading Group. */
    public UpgradeRequest reviewed(JointReview review) {
        RuleViolationException.throwIfAny(UpgradePolicy.jointReview(this, review.reviewedOn()));
        return new UpgradeRequest(id, projectId, number, leadOrganizationCode, authorityCode, proposal, route,
                UpgradeStatus.AWAITING_LEADING_GROUP, requestedOn, requestedBy, requestedAt, review, null, null, version);
    }

    /** The Leading Group decided: approved lets the upgrade project be proposed, rejected ends the request. */
    public UpgradeRequest decided(Decision verdict) {
        RuleViolationException.throwIfAny(UpgradePolicy.decision(this, verdict.decidedOn()));
        UpgradeStatus next = verdict.verdict() == LeadingGroupVerdict.APPROVED ? UpgradeStatus.APPROVED
                : UpgradeStatus.REJECTED;
        return new UpgradeRequest(id, projectId, number, leadOrganizationCode, authorityCode, proposal, route, next,
                requestedOn, requestedBy, requestedAt, jointReview, verdict, null, version);
    }

    /** The upgrade project was proposed; it goes on along the approval path as any project. */
    public UpgradeRequest projectCreated(CreatedProject project) {
        RuleViolationException.throwIfAny(UpgradePolicy.projectCreation(this));
        return new UpgradeRequest(id, projectId, number, leadOrganizationCode, authorityCode, proposal, route,
                UpgradeStatus.PROJECT_CREATED, requestedOn, requestedBy, requestedAt, jointReview, decision, project,
                version);
    }

    /** The joint review of the approval authority with the departments concerned (organisation codes). */
    public record JointReview(LocalDate reviewedOn, List<String> departments, String opinion,
            Recommendation recommendation, UUID documentId, String reviewedBy, Instant reviewedAt) {

        public JointReview {
            departments = List.copyOf(departments);
        }
    }

    /** The Digital Jilin Leading Group's decision. */
    public record Decision(LeadingGroupVerdict verdict, LocalDate decidedOn, String opinion, String decidedBy,
            Instant decidedAt) {
    }

    /** The upgrade project proposed for this request. */
    public record CreatedProject(UUID projectId, String createdBy, Instant createdAt) {
    }
}
