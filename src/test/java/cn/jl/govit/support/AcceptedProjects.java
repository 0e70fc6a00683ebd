package cn.jl.govit.support;

import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;

/**
 * Test data for the modules after acceptance: a project of {@code department} (approved by the Digital Bureau,
 * szsj) taken through the Project aggregate's own verbs into acceptance or operation, without the acceptance
 * module's records. Tests of the acceptance module itself go through its API instead.
 */
public final class AcceptedProjects {

    private AcceptedProjects() {
    }

    /** A project under construction since today whose initial acceptance passed today ({@code IN_ACCEPTANCE}). */
    public static String inAcceptance(Api api, RunAs runAs, Projects projects, String department, long investment,
            int periodMonths) {
        String id = ApprovedProjects.underConstruction(api, department, investment, periodMonths);
        runAs.run(department, () -> projects.enterAcceptance(UUID.fromString(id), projects.today()));
        return id;
    }

    /**
     * A project in operation since today ({@code IN_OPERATION}); {@code OperationStarted} was published in the
     * same transaction, so its listeners' obligations exist.
     */
    public static String inOperation(Api api, RunAs runAs, Projects projects, String department, long investment,
            int periodMonths) {
        String id = inAcceptance(api, runAs, projects, department, investment, periodMonths);
        runAs.run("szsj", () -> projects.startOperation(UUID.fromString(id), projects.today()));
        return id;
    }

    /** The day the project's operation started, as the server's clock saw it. */
    public static LocalDate operationStartedOn(RunAs runAs, Projects projects, String id) {
        return runAs.call("szsj", () -> projects.get(UUID.fromString(id)).operationStartedOn());
    }
}
