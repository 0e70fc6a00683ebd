package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;

/**
 * Takes a project through approval over the REST API, for the tests of the modules that come after it: a
 * simple project (feasibility study only, Art. 9 (3)) proposed by a department, filed, and approved by its
 * authority (the DRC when a funding line is the central budget, else the Digital Bureau).
 */
public final class ApprovedProjects {

    private ApprovedProjects() {
    }

    /** A valid simple proposal of {@code investment} yuan from the Digital Jilin fund; change the map as needed. */
    public static Map<String, Object> simpleProposal(String name, long investment, int periodMonths) {
        Map<String, Object> proposal = Api.proposal(name);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        proposal.put("estimatedInvestment", investment);
        proposal.put("constructionPeriodMonths", periodMonths);
        proposal.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", investment)));
        return proposal;
    }

    /** An approved project of {@code department} with the given approved estimate and period; returns its id. */
    public static String approved(Api api, String department, long approvedInvestment, int periodMonths) {
        return approved(api, department, simpleProposal(Api.unique("建设项目"), approvedInvestment, periodMonths),
                approvedInvestment, periodMonths);
    }

    /** The proposal, approved with the given estimate and period; returns the project's id. */
    public static String approved(Api api, String department, Map<String, Object> proposal, long approvedInvestment,
            int periodMonths) {
        Response created = api.as(department).post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);
        Response prepared = api.as(department).post("projects/" + project + "/submissions",
                SubmissionApiIntegrationTests.body(Stage.FEASIBILITY_STUDY, null));
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(201);
        Response filed = api.as(department).post("submissions/" + prepared.text("$.id") + "/submit", Map.of());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        String authority = "DEVELOPMENT_REFORM".equals(created.text("$.approvalAuthority")) ? "fgw" : "szsj";
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", approvedInvestment);
        decision.put("constructionPeriodMonths", periodMonths);
        decision.put("sharingOpinion", "信息资源纳入省级共享平台目录，按有条件共享开放。");
        decision.put("opinion", "原则同意。");
        Response decided = api.as(authority).post("submissions/" + prepared.text("$.id") + "/decision", decision);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        return project;
    }

    /** An approved project whose construction started today (in the server's calendar unless the clock moved). */
    public static String underConstruction(Api api, String department, long approvedInvestment, int periodMonths) {
        String project = approved(api, department, approvedInvestment, periodMonths);
        startConstruction(api, department, project, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        return project;
    }

    /** Starts construction of an approved project on {@code startedOn}. */
    public static void startConstruction(Api api, String department, String project, LocalDate startedOn) {
        Response started = api.as(department).post("projects/" + project + "/construction",
                Map.of("startedOn", startedOn.toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.text("$.status")).isEqualTo("UNDER_CONSTRUCTION");
    }
}
