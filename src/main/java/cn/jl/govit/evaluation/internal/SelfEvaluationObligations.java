package cn.jl.govit.evaluation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.jl.govit.evaluation.SelfEvaluationWindow;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectEvents.OperationStarted;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * Opens the self-evaluation window when a project goes into operation (Art. 28): a SELF_EVALUATION obligation of
 * the lead department from 12 to 24 months after the day operation started.
 * <p>
 * Why a synchronous listener in the publisher's transaction rather than an asynchronous module listener: the window
 * is part of the fact "in operation". It commits with it or not at all, so that no project is ever in operation
 * without its self-evaluation due (the daily scan in between would miss it), and a failure to open it rolls the
 * final acceptance back with a visible error instead of a silently lost deadline.
 */
@Component
class SelfEvaluationObligations {

    private final Obligations obligations;
    private final Projects projects;
    private final PolicyParameters policy;

    SelfEvaluationObligations(Obligations obligations, Projects projects, PolicyParameters policy) {
        this.obligations = obligations;
        this.projects = projects;
        this.policy = policy;
    }

    @EventListener
    void on(OperationStarted started) {
        Project project = projects.find(started.projectId());
        SelfEvaluationWindow window = new SelfEvaluationWindow(policy.selfEvaluationWindowStartMonths(),
                policy.selfEvaluationWindowEndMonths());
        obligations.open(started.projectId(), ObligationType.SELF_EVALUATION, SelfEvaluations.OBLIGATION_SUBJECT,
                window.dueOn(started.startedOn()), window.opensOn(started.startedOn()), "ART-28",
                project.leadOrganizationCode());
    }
}
