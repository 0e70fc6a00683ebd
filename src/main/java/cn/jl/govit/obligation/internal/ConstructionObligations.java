package cn.jl.govit.obligation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectEvents.ConstructionStarted;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * Opens the deadlines of construction when it starts (Art. 20 annual performance reports, Art. 26 initial
 * acceptance), responsible: the lead department.
 * <p>
 * Why a synchronous listener in the publisher's transaction rather than an asynchronous module listener: the
 * deadlines are part of the fact "construction started". They commit with it or not at all, so that no project
 * is ever under construction without its deadlines (a reader or the daily scan in between would miss them),
 * and a failure to open them rolls the start back with a visible error instead of a silently lost deadline.
 */
@Component
class ConstructionObligations {

    private final Obligations obligations;
    private final Projects projects;
    private final PolicyParameters policy;

    ConstructionObligations(Obligations obligations, Projects projects, PolicyParameters policy) {
        this.obligations = obligations;
        this.projects = projects;
        this.policy = policy;
    }

    @EventListener
    void on(ConstructionStarted started) {
        Project project = projects.find(started.projectId());
        ConstructionDeadlines policy = new ConstructionDeadlines(this.policy.performanceReportMinConstructionMonths(),
                this.policy.performanceReportDueDay());
        for (ConstructionDeadlines.Deadline d : policy.derive(started.startedOn(), started.constructionPeriodMonths(),
                started.plannedCompletion())) {
            obligations.open(started.projectId(), d.type(), d.subject(), d.dueDate(), null, d.rule(),
                    project.leadOrganizationCode());
        }
    }
}
