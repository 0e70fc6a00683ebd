package cn.jl.govit;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.supervision.ReviewDecision;
import cn.jl.govit.supervision.SanctionKind;
import cn.jl.govit.supervision.SanctionRequests;
import cn.jl.govit.supervision.Sanctions;
import cn.jl.govit.supervision.SupervisionArea;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindings;
import cn.jl.govit.supervision.SupervisionRequests;

/**
 * Supervision of the demo project under construction ({@link DemoConstruction}, profile {@code demo} only, skipped once
 * it has findings), through the same use cases as the pages: Finance finds that special funds were spent outside their
 * scope, the department's rectification falls short and is rejected, and Finance publishes a public criticism
 * (Art. 31); the CAC's finding on the security protection plan is still open. Without it the findings, sanctions and
 * notice pages would be empty on first start.
 */
@Component
@Profile("demo")
@Order(60)
class DemoSupervision implements ApplicationRunner {

    private final Projects projects;
    private final SupervisionFindings findings;
    private final Sanctions sanctions;
    private final RunAs runAs;

    DemoSupervision(Projects projects, SupervisionFindings findings, Sanctions sanctions, RunAs runAs) {
        this.projects = projects;
        this.findings = findings;
        this.sanctions = sanctions;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Project> found = runAs.call("szsj", () -> projects.page(null, DemoConstruction.NAME, 0, 1).content());
        if (found.isEmpty()) {
            return;
        }
        UUID project = found.get(0).id();
        if (!runAs.call("szsj", () -> findings.forProject(project)).isEmpty()) {
            return;
        }
        SupervisionFinding funds = runAs.call("czt", () -> findings.raise(project, new SupervisionRequests.NewFinding(
                SupervisionArea.FUNDS, "“数字吉林”建设专项资金中 12.6 万元用于购置办公家具，超出资金计划列支范围。", List.of(),
                null)));
        runAs.call("rst", () -> findings.rectify(funds.id(), new SupervisionRequests.Rectification(projects.today(),
                "已说明购置原因，拟在下一年度资金计划中调整。", List.of())));
        runAs.call("czt", () -> findings.review(funds.id(), new SupervisionRequests.Review(ReviewDecision.REJECTED,
                "未将超范围列支资金归垫，整改不到位。")));
        runAs.call("czt", () -> sanctions.impose(project, new SanctionRequests.NewSanction(SanctionKind.PUBLIC_CRITICISM,
                funds.id(), null, "社保业务协同平台项目超范围列支专项资金，整改后仍不符合要求，予以通报批评。")));
        runAs.call("wxb", () -> findings.raise(project, new SupervisionRequests.NewFinding(SupervisionArea.CYBERSECURITY,
                "未按等级保护第三级要求编制安全保护方案。", List.of(), null)));
    }
}
