package cn.jl.govit.obligation.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectEvents.ConstructionPeriodRevised;
import cn.jl.govit.project.ProjectEvents.ConstructionStarted;
import cn.jl.govit.project.ProjectEvents.ProjectTerminated;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * Opens the deadlines of construction when it starts (Art. 20 annual performance reports, Art. 26 initial
 * acceptance), responsible: the lead department, and moves them when a re-approval changes the period (Art. 23).
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
        open(started.projectId(), deadlines().derive(started.startedOn(), started.constructionPeriodMonths(),
                started.plannedCompletion()));
    }

    /** A terminated project (Art. 31) owes nothing more: its pending deadlines lapse with the termination as reason. */
    @EventListener
    void on(ProjectTerminated terminated) {
        obligations.waiveAllPending(terminated.projectId(), "project terminated on " + terminated.terminatedOn()
                + " (ART-31): " + terminated.reason());
    }

    /**
     * A re-approval changed the period of a project under construction (Art. 23): initial acceptance moves to the new
     * planned completion, the reports of year ends now inside the period are opened, and pending reports of year ends
     * that fell outside it are waived with the re-approval as their reason (they stay on record, Art. 30).
     */
    @EventListener
    void on(ConstructionPeriodRevised revised) {
        if (revised.startedOn() == null) {
            return;
        }
        List<ConstructionDeadlines.Deadline> derived = deadlines().derive(revised.startedOn(), revised.newMonths(),
                revised.plannedCompletion());
        open(revised.projectId(), derived);
        Set<String> due = derived.stream().filter(d -> d.type() == ObligationType.PERFORMANCE_REPORT)
                .map(ConstructionDeadlines.Deadline::subject).collect(Collectors.toSet());
        obligations.forProject(revised.projectId()).stream()
                .filter(o -> o.type() == ObligationType.PERFORMANCE_REPORT && o.pending() && !due.contains(o.subject()))
                .forEach(o -> obligations.waive(o.projectId(), o.type(), o.subject(),
                        "建设周期调整为 " + revised.newMonths() + " 个月，该年度不在建设周期内：" + revised.basis()));
    }

    private ConstructionDeadlines deadlines() {
        return new ConstructionDeadlines(policy.performanceReportMinConstructionMonths(), policy.performanceReportDueDay());
    }

    private void open(UUID projectId, List<ConstructionDeadlines.Deadline> deadlines) {
        Project project = projects.find(projectId);
        for (ConstructionDeadlines.Deadline d : deadlines) {
            obligations.open(projectId, d.type(), d.subject(), d.dueDate(), null, d.rule(), project.leadOrganizationCode());
        }
    }
}
