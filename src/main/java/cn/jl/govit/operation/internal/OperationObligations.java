package cn.jl.govit.operation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.operation.AssessmentKind;
import cn.jl.govit.operation.AssessmentSchedule;
import cn.jl.govit.operation.Assessments;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectEvents.OperationStarted;
import cn.jl.govit.project.Projects;

/**
 * Opens the first periodic security risk assessment and cryptography assessment (Art. 16, 17, 36) when the project
 * goes into operation, each due one period later, responsible: the lead department, which runs the system (Art. 35).
 * <p>
 * A synchronous listener in the publisher's transaction, as the construction deadlines are opened (see the obligation
 * module's {@code ConstructionObligations}): the deadlines are part of the fact "in operation" and commit with it or
 * not at all, so that no system is ever in operation without its assessments due.
 */
@Component
class OperationObligations {

    private final Obligations obligations;
    private final Assessments assessments;
    private final Projects projects;

    OperationObligations(Obligations obligations, Assessments assessments, Projects projects) {
        this.obligations = obligations;
        this.assessments = assessments;
        this.projects = projects;
    }

    @EventListener
    void on(OperationStarted started) {
        Project project = projects.find(started.projectId());
        AssessmentSchedule schedule = assessments.schedule();
        for (AssessmentKind kind : AssessmentKind.values()) {
            AssessmentSchedule.Due first = schedule.first(kind, started.startedOn());
            obligations.open(started.projectId(), kind.obligationType(), first.subject(), first.dueDate(), null,
                    kind.rule(), project.leadOrganizationCode());
        }
    }
}
