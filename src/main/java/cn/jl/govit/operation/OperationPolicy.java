package cn.jl.govit.operation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * The rules of the measures on records of operation. Art. 35: the construction unit runs the system once it is
 * built — O&M contracts and the O&M log belong to a project in operation, and nothing in the log happens before
 * operation started. Art. 36 (with 16, 17): the periodic assessments of a system in operation, each dated on or
 * after operation started and never before the last one of its kind (the next due date counts from it). Art. 8 and
 * 26: MLPS evaluations are for non-classified systems (a classified system is evaluated under 分级保护, offline), from
 * the acceptance on. Returns every violation at once; never throws.
 */
public final class OperationPolicy {

    static final String OPERATION = "ART-35";
    static final String ASSESSMENT = "ART-36";

    private OperationPolicy() {
    }

    /** What the rules read of a project: its status, whether it is classified, and the days it started. */
    public record Facts(ProjectStatus status, boolean classified, LocalDate constructionStartedOn,
            LocalDate operationStartedOn) {

        public static Facts of(Project project) {
            return new Facts(project.status(), project.facts().classified(), project.constructionStartedOn(),
                    project.operationStartedOn());
        }
    }

    /** An O&M contract: the project is in operation. */
    public static List<Violation> contract(Facts project) {
        return inOperation(project, OPERATION);
    }

    /** An O&M log entry: the project is in operation and the entry not dated before operation started. */
    public static List<Violation> record(Facts project, LocalDate occurredOn) {
        List<Violation> violations = new ArrayList<>(inOperation(project, OPERATION));
        if (violations.isEmpty() && occurredOn.isBefore(project.operationStartedOn())) {
            violations.add(Violation.of(OPERATION, "occurredOn", "violation.ART-35.before-operation",
                    occurredOn.toString(), project.operationStartedOn().toString()));
        }
        return violations;
    }

    /**
     * A periodic assessment: the project is in operation, the assessment not dated before operation started nor
     * before the latest assessment of its kind ({@code null} when there is none).
     */
    public static List<Violation> assessment(Facts project, LocalDate assessedOn, Assessment latest) {
        List<Violation> violations = new ArrayList<>(inOperation(project, ASSESSMENT));
        if (!violations.isEmpty()) {
            return violations;
        }
        if (assessedOn.isBefore(project.operationStartedOn())) {
            violations.add(Violation.of(ASSESSMENT, "assessedOn", "violation.ART-36.before-operation",
                    assessedOn.toString(), project.operationStartedOn().toString()));
        }
        else if (latest != null && assessedOn.isBefore(latest.assessedOn())) {
            violations.add(Violation.of(ASSESSMENT, "assessedOn", "violation.ART-36.before-latest",
                    assessedOn.toString(), latest.assessedOn().toString()));
        }
        return violations;
    }

    /**
     * An MLPS evaluation: not of a classified system (ART-8), only once the project is in acceptance or operation
     * (ART-26: the evaluation report goes with the final acceptance application), not dated before construction
     * started.
     */
    public static List<Violation> mlps(Facts project, LocalDate evaluatedOn) {
        if (project.classified()) {
            return List.of(Violation.of("ART-8", "classified", "violation.ART-8.classified-mlps"));
        }
        if (project.status() != ProjectStatus.IN_ACCEPTANCE && project.status() != ProjectStatus.IN_OPERATION) {
            return List.of(Violation.of("ART-26", "status", "violation.ART-26.mlps-before-acceptance",
                    status(project)));
        }
        if (evaluatedOn.isBefore(project.constructionStartedOn())) {
            return List.of(Violation.of("ART-26", "evaluatedOn", "violation.ART-26.mlps-before-construction",
                    evaluatedOn.toString(), project.constructionStartedOn().toString()));
        }
        return List.of();
    }

    private static List<Violation> inOperation(Facts project, String rule) {
        if (project.status() == ProjectStatus.IN_OPERATION) {
            return List.of();
        }
        return List.of(Violation.of(rule, "status", "violation." + rule + ".not-in-operation", status(project)));
    }

    private static MessageKey status(Facts project) {
        return new MessageKey("enum.ProjectStatus." + project.status().name());
    }
}
