package cn.jl.govit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.InformationResource;
import cn.jl.govit.approval.Outlines;
import cn.jl.govit.approval.ShareType;
import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.approval.SubmissionFacts;
import cn.jl.govit.approval.SubmissionOutline;
import cn.jl.govit.approval.Submissions;
import cn.jl.govit.approval.decision.DecisionOutcome;
import cn.jl.govit.approval.decision.Decisions;
import cn.jl.govit.construction.ConstructionRequests;
import cn.jl.govit.construction.ContractKind;
import cn.jl.govit.construction.Contracts;
import cn.jl.govit.construction.Milestones;
import cn.jl.govit.construction.PlannedMilestone;
import cn.jl.govit.construction.ProgressReports;
import cn.jl.govit.construction.ProjectParties;
import cn.jl.govit.funding.FundPlan;
import cn.jl.govit.funding.FundPlans;
import cn.jl.govit.funding.Funds;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;

/**
 * One demo project taken through approval into construction by the same use cases as the pages (profile
 * {@code demo} only, on a fresh database): approved by the Digital Bureau with a signed reply, started, with its
 * legal person, supervision contractor, contracts, milestones, a progress report, a fund plan, a disbursement and
 * spending — so that the construction, funds, change and obligation pages have something to show on first start.
 */
@Component
@Profile("demo")
@Order(40)
class DemoConstruction implements ApplicationRunner {

    static final String NAME = "社保业务协同平台（建设中示例）";

    private final Projects projects;
    private final Submissions submissions;
    private final Outlines outlines;
    private final Decisions decisions;
    private final ProjectParties parties;
    private final Contracts contracts;
    private final Milestones milestones;
    private final ProgressReports reports;
    private final FundPlans plans;
    private final Funds funds;
    private final RunAs runAs;

    DemoConstruction(Projects projects, Submissions submissions, Outlines outlines, Decisions decisions,
            ProjectParties parties, Contracts contracts, Milestones milestones, ProgressReports reports, FundPlans plans,
            Funds funds, RunAs runAs) {
        this.projects = projects;
        this.submissions = submissions;
        this.outlines = outlines;
        this.decisions = decisions;
        this.parties = parties;
        this.contracts = contracts;
        this.milestones = milestones;
        this.reports = reports;
        this.plans = plans;
        this.funds = funds;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runAs.call("szsj", () -> projects.page(null, NAME, 0, 1).totalElements()) > 0) {
            return;
        }
        BigDecimal estimate = new BigDecimal("10000000");
        Project project = runAs.call("rst", () -> projects.propose(new NewProject(NAME,
                "建设人社、医保、民政业务协同平台，实现参保信息共享和业务协同办理。", Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                estimate, 13, new ProjectFacts(List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, estimate)),
                        false, null, true, false, false, false, false))));
        UUID id = project.id();
        runAs.call("szsj", () -> projects.decideConstructionMode(id, null, ConstructionMode.UNIFIED, null, null));
        Submission submission = runAs.call("rst", () -> submissions.prepare(id, Stage.FEASIBILITY_STUDY, content()));
        runAs.call("rst", () -> submissions.submit(submission.id(), null));
        runAs.call("szsj", () -> decisions.decide(submission.id(), new Decisions.DecisionCommand(DecisionOutcome.APPROVED,
                estimate, 13, "参保人员信息纳入省级共享平台目录，按有条件共享开放。", "原则同意，按批复内容和投资组织建设。")));

        LocalDate today = projects.today();
        runAs.call("rst", () -> {
            projects.startConstruction(id, null, today);
            parties.recordLegalPerson(id, new ConstructionRequests.LegalPerson("吉林省人力资源和社会保障信息中心", "王明",
                    "12220000MB1234567X", null));
            parties.recordSupervisionContractor(id, new ConstructionRequests.SupervisionContractor("长春信息工程监理有限公司",
                    "JLJL-2026-018", null));
            contracts.record(id, new ConstructionRequests.NewContract("吉林数字科技有限公司", "平台开发与系统集成",
                    ContractKind.CONSTRUCTION, new BigDecimal("6800000"), today, null));
            contracts.record(id, new ConstructionRequests.NewContract("长春信息工程监理有限公司", "工程监理",
                    ContractKind.SUPERVISION, new BigDecimal("320000"), today, null));
            String[][] plan = {{"需求确认", "2"}, {"系统联调", "6"}, {"试运行", "10"}, {"初步验收", "12"}};
            for (String[] m : plan) {
                milestones.plan(id, new PlannedMilestone(m[0], today.plusMonths(Long.parseLong(m[1]))));
            }
            reports.file(id, new ConstructionRequests.NewProgressReport(today, today, 5, "完成合同签订和项目启动会。",
                    "接口规范待人社部确认。", "开展需求调研。"));
            return null;
        });
        FundPlan plan = runAs.call("czt", () -> plans.issue(id, FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("6000000"), today));
        runAs.call("czt", () -> plans.disburse(id, plan.id(), new BigDecimal("3000000"), today));
        runAs.call("rst", () -> funds.recordSpending(id, new BigDecimal("2040000"), today, "平台开发合同首付款（30%）",
                "吉林数字科技有限公司 平台开发与系统集成", null));
    }

    /** A feasibility study with every chapter of Annex 2 written. */
    private SubmissionContent content() {
        SubmissionOutline outline = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, false, false, false)
                .outline(outlines);
        List<ChapterEntry> chapters = new ArrayList<>();
        outline.leaves().forEach(leaf -> chapters.add(ChapterEntry.written(leaf.code(),
                "## " + leaf.title() + "\n（示例）本章按附件 2 编制要求编写。")));
        return new SubmissionContent(chapters, List.of(),
                List.of(new InformationResource("参保人员信息", ShareType.CONDITIONAL, "仅限人社、医保、民政部门按需共享", null)),
                "选用国产安全可靠的服务器、操作系统和数据库。", "采用 SM2/SM3/SM4 国密算法，密码应用与系统同步规划、建设、运行。",
                "依托吉林祥云：8 核 32G 云主机 4 台，10 TB 存储。", null, List.of());
    }

}
