package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.RunAs;

/**
 * A provincial plan in force, this year's open demand call and two demands awaiting triage, entered through
 * the same use cases as the pages, so that the planning pages show something on a fresh start (profile
 * {@code demo} only, once).
 */
@Component
@Profile("demo")
@Order(30)
class DemoPlanning implements ApplicationRunner {

    private final ConstructionPlans plans;
    private final Demands demands;
    private final PlanningRepository repository;
    private final RunAs runAs;

    DemoPlanning(ConstructionPlans plans, Demands demands, PlanningRepository repository, RunAs runAs) {
        this.plans = plans;
        this.demands = demands;
        this.repository = repository;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.countPlans() > 0) {
            return;
        }
        int year = demands.today().getYear();
        runAs.run("szsj", () -> {
            plans.record(new NewPlanVersion("吉林省数字政府建设规划", year - 1, year + 3,
                    List.of(new PlanItem("SZ-01", "一体化政务服务平台提升工程"), new PlanItem("SZ-02", "公共数据共享交换工程"),
                            new PlanItem("SZ-03", "社会保障服务数字化工程"), new PlanItem("SZ-04", "卫生健康信息化工程"),
                            new PlanItem("SZ-05", "教育数字化工程")),
                    LocalDate.of(year - 1, 1, 15), "吉政函〔" + (year - 1) + "〕8号", null, null));
            if (repository.callFor(year).isEmpty()) {
                demands.openCall(new NewDemandCall(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                        List.of("一网通办", "数据共享", "跨部门协同")));
            }
        });
        var call = repository.callFor(year).filter(c -> c.isOpenOn(demands.today()));
        if (call.isEmpty()) {
            return;
        }
        runAs.run("rst", () -> demands.file(call.get().id(), new NewDemand("社保待遇资格认证系统升级",
                "升级社保待遇资格“静默认证”系统，与卫健部门共享死亡医学证明数据。", new BigDecimal("3200000"), "SZ-03",
                List.of("WJW"))));
        runAs.run("wjw", () -> demands.file(call.get().id(), new NewDemand("电子健康档案共享调阅",
                "建设全省电子健康档案共享调阅服务，支撑跨机构诊疗。", new BigDecimal("4500000"), "SZ-04", List.of())));
    }

}
