package cn.jl.govit.upgrade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 29, the steps of an upgrade: only a system in operation is upgraded; a joint review is recorded once, for the
 * joint-review route, not before the request; the Leading Group decides after the joint review, not before its
 * date; the upgrade project is proposed on the normal route, or on the joint-review route only once the Leading
 * Group approved. Returns violations, never throws.
 */
public final class UpgradePolicy {

    private UpgradePolicy() {
    }

    public static List<Violation> request(ProjectStatus status) {
        if (status == ProjectStatus.IN_OPERATION) {
            return List.of();
        }
        return List.of(Violation.of("ART-29", "status", "violation.ART-29.not-in-operation",
                new MessageKey("enum.ProjectStatus." + status.name())));
    }

    public static List<Violation> jointReview(UpgradeRequest upgrade, LocalDate reviewedOn) {
        List<Violation> violations = new ArrayList<>();
        if (upgrade.route() != UpgradeRoute.JOINT_REVIEW) {
            violations.add(Violation.of("ART-29", "route", "violation.ART-29.review-not-needed"));
        }
        else if (upgrade.status() != UpgradeStatus.SUBMITTED) {
            violations.add(Violation.of("ART-29", "status", "violation.ART-29.review-recorded"));
        }
        if (reviewedOn != null && reviewedOn.isBefore(upgrade.requestedOn())) {
            violations.add(Violation.of("ART-29", "reviewedOn", "violation.ART-29.review-before-request",
                    reviewedOn.toString(), upgrade.requestedOn().toString()));
        }
        return violations;
    }

    public static List<Violation> decision(UpgradeRequest upgrade, LocalDate decidedOn) {
        List<Violation> violations = new ArrayList<>();
        if (upgrade.route() != UpgradeRoute.JOINT_REVIEW) {
            violations.add(Violation.of("ART-29", "route", "violation.ART-29.decision-not-needed"));
        }
        else if (upgrade.status() == UpgradeStatus.SUBMITTED) {
            violations.add(Violation.of("ART-29", "status", "violation.ART-29.decision-before-review"));
        }
        else if (upgrade.status() != UpgradeStatus.AWAITING_LEADING_GROUP) {
            violations.add(Violation.of("ART-29", "status", "violation.ART-29.decided"));
        }
        else if (decidedOn != null && decidedOn.isBefore(upgrade.jointReview().reviewedOn())) {
            violations.add(Violation.of("ART-29", "decidedOn", "violation.ART-29.decision-before-review-date",
                    decidedOn.toString(), upgrade.jointReview().reviewedOn().toString()));
        }
        return violations;
    }

    public static List<Violation> projectCreation(UpgradeRequest upgrade) {
        if (upgrade.status() == UpgradeStatus.PROJECT_CREATED) {
            return List.of(Violation.of("ART-29", "status", "violation.ART-29.project-exists"));
        }
        if (upgrade.route() == UpgradeRoute.NORMAL_APPROVAL || upgrade.status() == UpgradeStatus.APPROVED) {
            return List.of();
        }
        return List.of(Violation.of("ART-29", "status", upgrade.status() == UpgradeStatus.REJECTED
                ? "violation.ART-29.rejected" : "violation.ART-29.not-approved-by-leading-group"));
    }
}
