package cn.jl.govit.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.jl.govit.change.ChangeFacts;
import cn.jl.govit.change.ChangeReason;
import cn.jl.govit.change.ChangeRoute;
import cn.jl.govit.change.ChangeRoutePolicy;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * A change request of a project under construction (Art. 23): about one started project in eight files one or two
 * adjustments within the approved estimate, goals unchanged, for a listed reason, small enough together to stay under
 * the filing threshold — the route the application's {@link ChangeRoutePolicy} then gives is FILING, and each leaves
 * a FILING baseline with the adjustments in force. A change the policy would route otherwise is not generated.
 */
record GenChange(UUID id, int number, BigDecimal approvedEstimate, BigDecimal adjustment, BigDecimal previous,
        ChangeReason reason, boolean usesDigitalJilinFund, LocalDate fundPlanIssuedOn, String description,
        LocalDate requestedOn, LocalDate acknowledgedOn) {

    private static final ChangeReason[] LISTED = {ChangeReason.PROVINCIAL_ORDER, ChangeReason.TECHNICAL_OPTIMIZATION,
        ChangeReason.BUSINESS_DEVELOPMENT};
    private static final String[] WHAT = {"调整部分功能模块的建设内容", "优化系统部署架构，调减硬件采购", "按省级统一要求对接一网通办平台",
        "调整数据治理范围", "增加移动端服务功能，相应调减定制开发工作量"};

    static List<GenChange> of(DataGenerator g, GenProject p, PolicyParameters policy) {
        List<GenChange> list = new ArrayList<>();
        if (p.startedOn() == null) {
            return list;
        }
        SplittableRandom r = DataGenerator.random(g.seed(), "change", p.index());
        if (r.nextInt(8) != 0) {
            return list;
        }
        ChangeRoutePolicy route = new ChangeRoutePolicy(policy.changeFilingThreshold(), policy.changeThresholdBasis());
        LocalDate end = g.lastActiveDay(p);
        if (p.initialAcceptedOn() != null && p.initialAcceptedOn().isBefore(end)) {
            end = p.initialAcceptedOn();
        }
        long days = ChronoUnit.DAYS.between(p.startedOn(), end);
        if (days < 2) {
            return list;
        }
        LocalDate planIssued = g.plansOf(p).stream()
                .filter(plan -> plan.source().equals(FundingSource.DIGITAL_JILIN_FUND.name()))
                .map(DataGenerator.Plan::issuedOn).findFirst().orElse(null);
        int count = 1 + r.nextInt(2);
        BigDecimal previous = BigDecimal.ZERO;
        LocalDate after = p.startedOn();
        for (int n = 1; n <= count; n++) {
            LocalDate on = after.plusDays(1 + r.nextLong(Math.max(1, ChronoUnit.DAYS.between(after, end))));
            if (on.isAfter(end)) {
                break;
            }
            BigDecimal adjustment = p.approvedEstimate().multiply(BigDecimal.valueOf(2 + r.nextInt(5)))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).setScale(2);
            boolean dj = p.facts().usesDigitalJilinFund();
            LocalDate issued = dj && planIssued != null && !planIssued.isAfter(on) ? planIssued : null;
            ChangeReason reason = LISTED[r.nextInt(LISTED.length)];
            ChangeFacts facts = new ChangeFacts(p.approvedEstimate(), adjustment, p.approvedEstimate(), true, reason,
                    previous, dj, issued);
            if (route.assess(facts).route() != ChangeRoute.FILING) {
                break;
            }
            LocalDate acknowledged = on.plusDays(1 + r.nextInt(10));
            list.add(new GenChange(DataGenerator.uuid(g.seed(), "change", p.index(), n), n, p.approvedEstimate(),
                    adjustment, previous, reason, dj, issued, WHAT[r.nextInt(WHAT.length)], on,
                    acknowledged.isAfter(g.asOf()) ? null : acknowledged));
            previous = previous.add(adjustment);
            after = on;
        }
        return list;
    }
}
