package cn.jl.govit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.acceptance.FinalAcceptanceApplication;
import cn.jl.govit.acceptance.FinalAcceptanceOutcome;
import cn.jl.govit.acceptance.FinalAcceptances;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptanceResult;
import cn.jl.govit.acceptance.InitialAcceptances;
import cn.jl.govit.acceptance.MaterialApplicability;
import cn.jl.govit.acceptance.SpecialAcceptanceCatalog;
import cn.jl.govit.acceptance.TrialRuns;
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
import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.archive.ArchiveEntries;
import cn.jl.govit.archive.ArchiveResult;
import cn.jl.govit.archive.Carrier;
import cn.jl.govit.archive.Retention;
import cn.jl.govit.document.Documents;
import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceAssignment;
import cn.jl.govit.expert.AcceptanceCommittee;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinionInput;
import cn.jl.govit.operation.Maintenance;
import cn.jl.govit.operation.MaintenanceContract;
import cn.jl.govit.operation.MaintenanceRecordKind;
import cn.jl.govit.operation.MlpsConclusion;
import cn.jl.govit.operation.MlpsRecords;
import cn.jl.govit.operation.OperationRequests;
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
 * One demo project of the Health Commission ({@code wjw}) taken through the whole later lifecycle by the same use
 * cases as the pages (profile {@code demo} only, skipped once the project exists): approved by the Digital Bureau with
 * a signed reply, started, its trial run stable, the initial acceptance passed with every required special
 * acceptance, its archives accepted by the Archives Bureau, the final acceptance applied for (software developed, every
 * required Annex 4 material), the committee drawn and every expert's opinion filed, the result passed — so the project
 * is in operation with its self-evaluation and assessment obligations — and then an O&M contract, two O&M log entries
 * and an MLPS evaluation. Without it the acceptance, final acceptance, evaluation and operation pages would be empty
 * on first start, because no other demo project gets past construction.
 */
@Component
@Profile("demo")
@Order(50)
class DemoOperation implements ApplicationRunner {

    static final String NAME = "全民健康信息平台（运行中示例）";

    private static final String UNIT = "wjw";
    private static final String AUTHORITY = "szsj";
    private static final String ARCHIVES = "daj";
    private static final int COMMITTEE_SIZE = 3;
    private static final String INITIAL_REPORT = "AM9";
    private static final String MLPS_REPORT = "AM14.2";

    private final Projects projects;
    private final Submissions submissions;
    private final Outlines outlines;
    private final Decisions decisions;
    private final Documents documents;
    private final TrialRuns trialRuns;
    private final InitialAcceptances initialAcceptances;
    private final SpecialAcceptanceCatalog specialAcceptances;
    private final ArchiveEntries archiveEntries;
    private final ArchiveAcceptances archiveAcceptances;
    private final FinalAcceptances finalAcceptances;
    private final AcceptanceCommittees committees;
    private final Maintenance maintenance;
    private final MlpsRecords mlps;
    private final RunAs runAs;

    DemoOperation(Projects projects, Submissions submissions, Outlines outlines, Decisions decisions,
            Documents documents, TrialRuns trialRuns, InitialAcceptances initialAcceptances,
            SpecialAcceptanceCatalog specialAcceptances, ArchiveEntries archiveEntries,
            ArchiveAcceptances archiveAcceptances, FinalAcceptances finalAcceptances, AcceptanceCommittees committees,
            Maintenance maintenance, MlpsRecords mlps, RunAs runAs) {
        this.projects = projects;
        this.submissions = submissions;
        this.outlines = outlines;
        this.decisions = decisions;
        this.documents = documents;
        this.trialRuns = trialRuns;
        this.initialAcceptances = initialAcceptances;
        this.specialAcceptances = specialAcceptances;
        this.archiveEntries = archiveEntries;
        this.archiveAcceptances = archiveAcceptances;
        this.finalAcceptances = finalAcceptances;
        this.committees = committees;
        this.maintenance = maintenance;
        this.mlps = mlps;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runAs.call(AUTHORITY, () -> projects.page(null, NAME, 0, 1).totalElements()) > 0) {
            return;
        }
        // every fact happens on the approval day: each later fact may be on or after the one it depends on, none in
        // the future, so the whole history fits into the first start
        LocalDate today = projects.today();
        UUID id = approved();
        runAs.run(UNIT, () -> projects.startConstruction(id, null, today));
        Map<String, UUID> reports = runAs.call(UNIT, () -> documents(id));
        initialAcceptancePassed(id, today, reports);
        archivesAccepted(id, today, reports);
        finalAcceptancePassed(id, today, reports);
        operated(id, today, reports.get(MLPS_REPORT));
    }

    /** Proposed by WJW, delivered in the unified mode, its feasibility study approved by the Digital Bureau. */
    private UUID approved() {
        BigDecimal estimate = new BigDecimal("8000000");
        Project project = runAs.call(UNIT, () -> projects.propose(new NewProject(NAME,
                "建设全省全民健康信息平台，汇聚电子健康档案和电子病历，实现医疗机构间检查检验结果互认共享。",
                Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(), estimate, 12,
                new ProjectFacts(List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, estimate)), false, null, true,
                        false, false, false, false))));
        UUID id = project.id();
        runAs.call(AUTHORITY, () -> projects.decideConstructionMode(id, null, ConstructionMode.UNIFIED, null, null));
        Submission submission = runAs.call(UNIT, () -> submissions.prepare(id, Stage.FEASIBILITY_STUDY, content()));
        runAs.call(UNIT, () -> submissions.submit(submission.id(), null));
        runAs.call(AUTHORITY, () -> decisions.decide(submission.id(), new Decisions.DecisionCommand(
                DecisionOutcome.APPROVED, estimate, 12, "电子健康档案摘要纳入省级共享平台目录，按有条件共享开放。",
                "原则同意，按批复内容和投资组织建设。")));
        return id;
    }

    /**
     * One small text document per code the acceptances need: the initial acceptance report, each required special
     * acceptance's report and each material Annex 4 requires of a non-classified project that developed software.
     */
    private Map<String, UUID> documents(UUID id) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(INITIAL_REPORT, "项目初验报告");
        specialAcceptances.all().stream().filter(s -> s.required()).forEach(s -> titles.put(s.code(), s.title() + "专项验收报告"));
        finalAcceptances.checklist(true, false).stream()
                .filter(item -> item.applicability() == MaterialApplicability.REQUIRED)
                .forEach(item -> titles.putIfAbsent(item.material().code(), item.material().title()));
        Map<String, UUID> stored = new LinkedHashMap<>();
        titles.forEach((code, title) -> stored.put(code, documents.store(id, code, code + ".txt",
                "text/plain", text(title)).id()));
        return stored;
    }

    private static byte[] text(String title) {
        return ("《" + NAME + "》" + title + "\n\n（示例）本材料由演示数据生成，内容从略。\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The trial run stable, then the initial acceptance passed with its report and every required special acceptance. */
    private void initialAcceptancePassed(UUID id, LocalDate today, Map<String, UUID> reports) {
        List<InitialAcceptance.SpecialAcceptanceReport> specials = specialAcceptances.all().stream()
                .filter(s -> s.required())
                .map(s -> new InitialAcceptance.SpecialAcceptanceReport(s.code(), reports.get(s.code()))).toList();
        runAs.run(UNIT, () -> {
            trialRuns.record(id, today, today);
            initialAcceptances.record(id, new InitialAcceptances.NewInitialAcceptance(today,
                    InitialAcceptanceResult.PASSED, reports.get(INITIAL_REPORT), "各专项验收均已通过，同意通过初步验收。",
                    specials));
        });
    }

    /** The unit registers its archives and applies; the Archives Bureau passes them (the final acceptance's gate). */
    private void archivesAccepted(UUID id, LocalDate today, Map<String, UUID> reports) {
        runAs.run(UNIT, () -> {
            archive(id, "AR-APPROVAL", reports.get("AM2"), "项目审批材料");
            archive(id, "AR-PROCUREMENT", reports.get("AM5"), "项目合同书");
            archive(id, "AR-SUPERVISION", reports.get("AM11"), "项目监理材料");
            archive(id, "AR-ACCEPTANCE", reports.get(INITIAL_REPORT), "项目初验报告");
            archiveAcceptances.apply(id);
        });
        runAs.run(ARCHIVES, () -> archiveAcceptances.record(id, ArchiveResult.PASSED, today, "档案齐全、完整，同意通过。"));
    }

    private void archive(UUID id, String category, UUID documentId, String title) {
        archiveEntries.register(id, new ArchiveEntries.NewEntry(category, documentId, null, title, Retention.PERMANENT,
                Carrier.ELECTRONIC));
    }

    /**
     * The unit applies (software developed) with every required material; the Digital Bureau draws the committee,
     * each drawn expert files an opinion recommending a pass, and the Digital Bureau records the pass.
     */
    private void finalAcceptancePassed(UUID id, LocalDate today, Map<String, UUID> reports) {
        List<FinalAcceptances.MaterialInput> materials = new ArrayList<>();
        finalAcceptances.checklist(true, false).stream()
                .filter(item -> item.applicability() == MaterialApplicability.REQUIRED)
                .forEach(item -> materials.add(new FinalAcceptances.MaterialInput(item.material().code(),
                        reports.get(item.material().code()))));
        FinalAcceptanceApplication application = runAs.call(UNIT, () -> finalAcceptances.apply(id, true, materials));
        AcceptanceCommittee committee = runAs.call(AUTHORITY,
                () -> finalAcceptances.formCommittee(id, COMMITTEE_SIZE, null));
        committee.members().forEach(member -> fileOpinion(member.expertUsername(), application.id()));
        runAs.call(AUTHORITY, () -> finalAcceptances.decide(id, FinalAcceptanceOutcome.PASSED, today,
                "验收委员会一致建议通过，同意通过竣工验收，转入运行维护。", null));
    }

    private void fileOpinion(String expert, UUID applicationId) {
        Map<AcceptanceAspect, String> aspects = new EnumMap<>(AcceptanceAspect.class);
        for (AcceptanceAspect aspect : AcceptanceAspect.values()) {
            aspects.put(aspect, "经审阅验收材料并现场核查，符合批复要求。");
        }
        runAs.run(expert, () -> {
            AcceptanceAssignment mine = committees.myAssignments().stream()
                    .filter(a -> a.applicationId().equals(applicationId)).findFirst().orElseThrow();
            committees.fileOpinion(mine.id(), null, new AcceptanceOpinionInput(aspects,
                    AcceptanceConclusion.RECOMMEND_PASS, "建设内容已按批复完成，系统运行稳定，建议通过竣工验收。"));
        });
    }

    /** In operation: an O&M contract for a year, two entries of the O&M log and a level-3 MLPS evaluation. */
    private void operated(UUID id, LocalDate today, UUID mlpsReport) {
        runAs.run(UNIT, () -> {
            MaintenanceContract contract = maintenance.recordContract(id, new OperationRequests.NewContract(
                    "吉林健康云运维服务有限公司", "WJW-YW-2026-001", new BigDecimal("480000"), today, today.plusYears(1),
                    "7×24 小时响应，重大故障 2 小时内到场", null));
            maintenance.recordEntry(id, new OperationRequests.NewRecord(today, MaintenanceRecordKind.ROUTINE,
                    "日常巡检：服务器、数据库和接口运行正常。", contract.id(), null));
            maintenance.recordEntry(id, new OperationRequests.NewRecord(today, MaintenanceRecordKind.BACKUP_DRILL,
                    "数据备份恢复演练：电子健康档案库按预案在 40 分钟内恢复。", contract.id(), null));
            mlps.record(id, new OperationRequests.NewMlpsRecord(3, "22010013001-00088", today, "吉林省信息安全测评中心",
                    new BigDecimal("86.50"), MlpsConclusion.BASICALLY_CONFORMING, mlpsReport));
        });
    }

    /** A feasibility study with every chapter of Annex 2 written. */
    private SubmissionContent content() {
        SubmissionOutline outline = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, false, false, false)
                .outline(outlines);
        List<ChapterEntry> chapters = new ArrayList<>();
        outline.leaves().forEach(leaf -> chapters.add(ChapterEntry.written(leaf.code(),
                "## " + leaf.title() + "\n（示例）本章按附件 2 编制要求编写。")));
        return new SubmissionContent(chapters, List.of(),
                List.of(new InformationResource("电子健康档案摘要", ShareType.CONDITIONAL, "仅限医疗卫生机构按诊疗需要共享", null)),
                "选用国产安全可靠的服务器、操作系统和数据库。", "采用 SM2/SM3/SM4 国密算法，密码应用与系统同步规划、建设、运行。",
                "依托吉林祥云：16 核 64G 云主机 6 台，50 TB 存储。", null, List.of());
    }
}
