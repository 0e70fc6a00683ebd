package cn.jl.govit.project.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.ProjectRepository;
import cn.jl.govit.project.Projects;

/**
 * A handful of demo projects proposed by the demo departments through the same use case as the pages,
 * so that every path type shows on a fresh start (profile {@code demo} only).
 */
@Component
@Profile("demo")
@Order(20)
class DemoProjects implements ApplicationRunner {

    private final Projects projects;
    private final ProjectRepository repository;
    private final RunAs runAs;

    DemoProjects(Projects projects, ProjectRepository repository, RunAs runAs) {
        this.projects = projects;
        this.repository = repository;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count(new cn.jl.govit.project.ProjectScope.Filter(true, null), null, "") > 0) {
            return;
        }
        runAs.run("rst", () -> {
            propose("社会保障卡“一卡通”服务平台", "建设全省统一的社会保障卡居民服务“一卡通”平台，支撑交通、文旅、医疗等场景用卡。",
                    Set.of(ProjectCategory.BUSINESS_SYSTEM, ProjectCategory.INFORMATION_RESOURCE_DB), List.of("WJW"),
                    "12000000", 18, List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("12000000"))),
                    true, null, false);
            propose("就业监测大数据分析系统", "汇聚就业登记、社保缴费等数据，建设就业形势监测分析系统。",
                    Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(), "6800000", 12,
                    List.of(new FundingLine(FundingSource.CENTRAL_BUDGET, new BigDecimal("4000000")),
                            new FundingLine(FundingSource.PROVINCIAL_FISCAL, new BigDecimal("2800000"))),
                    false, null, false);
        });
        runAs.run("wjw", () -> {
            propose("突发公共卫生事件应急指挥系统", "建设覆盖省市县三级的突发公共卫生事件监测预警与应急指挥系统。",
                    Set.of(ProjectCategory.BUSINESS_SYSTEM, ProjectCategory.NETWORK_PLATFORM), List.of(), "9500000", 6,
                    List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL, new BigDecimal("9500000"))),
                    false, EmergencyType.PUBLIC_HEALTH, false);
        });
        runAs.run("jyt", () -> {
            propose("教育考试机房设备更新", "更新省教育考试院标准化考点机房服务器与网络设备。",
                    Set.of(ProjectCategory.INFRASTRUCTURE), List.of(), "1850000.50", 6,
                    List.of(new FundingLine(FundingSource.DEPARTMENT_BUDGET, new BigDecimal("1850000.50"))),
                    false, null, true);
        });
    }

    private void propose(String name, String summary, Set<ProjectCategory> categories, List<String> participants,
            String estimate, int months, List<FundingLine> funding, boolean inPlan, EmergencyType emergency,
            boolean simple) {
        projects.propose(new NewProject(name, summary, categories, participants, new BigDecimal(estimate), months,
                new ProjectFacts(funding, inPlan, emergency, simple, false, false, false, false)));
    }

}
