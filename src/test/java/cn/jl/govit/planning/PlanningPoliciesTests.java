package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** The planning policies at their boundaries, without Spring. */
class PlanningPoliciesTests {

    static final DemandCall CALL = new DemandCall(UUID.randomUUID(), 2026, LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 4, 30), List.of(), "szsj", 0);

    @Test
    void theClosingDayItselfIsAcceptedAndTheNextDayRefused() {
        DemandWindowPolicy policy = new DemandWindowPolicy();

        assertThat(policy.check(2026, CALL, LocalDate.of(2026, 4, 30))).isEmpty();
        List<Violation> late = policy.check(2026, CALL, LocalDate.of(2026, 5, 1));
        assertThat(late).extracting(Violation::rule).containsExactly("ART-6");
        assertThat(late.get(0).messageKey()).isEqualTo("planning.call.closed");
        assertThat(late.get(0).args()).containsExactly("2026", "2026-04-30");
    }

    @Test
    void theOpeningDayIsAcceptedAndTheDayBeforeRefused() {
        DemandWindowPolicy policy = new DemandWindowPolicy();

        assertThat(policy.check(2026, CALL, LocalDate.of(2026, 3, 1))).isEmpty();
        assertThat(policy.check(2026, CALL, LocalDate.of(2026, 2, 28))).extracting(Violation::messageKey)
                .containsExactly("planning.call.not-open");
    }

    @Test
    void aYearWithoutACallIsRefused() {
        assertThat(new DemandWindowPolicy().check(2027, null, LocalDate.of(2026, 3, 1)))
                .extracting(Violation::rule, Violation::messageKey).containsExactly(org.assertj.core.groups.Tuple
                        .tuple("ART-6", "planning.call.none"));
    }

    @Test
    void anAdjustmentNeedsAnEvaluationAndTheGovernmentsApproval() {
        PlanApprovalPolicy policy = new PlanApprovalPolicy();
        LocalDate approved = LocalDate.of(2026, 1, 10);

        assertThat(policy.check(true, "论证意见", approved, "吉政函〔2026〕3号")).isEmpty();
        assertThat(policy.check(true, " ", approved, "吉政函〔2026〕3号")).extracting(Violation::item)
                .containsExactly("evaluation");
        assertThat(policy.check(true, "论证意见", null, null)).extracting(Violation::item)
                .containsExactly("approvedOn", "approvalDocument");
        assertThat(policy.check(true, null, null, "")).extracting(Violation::rule).containsOnly("ART-6").hasSize(3);
    }

    @Test
    void theFirstPlanNeedsTheApprovalButNoEvaluation() {
        PlanApprovalPolicy policy = new PlanApprovalPolicy();

        assertThat(policy.check(false, null, LocalDate.of(2026, 1, 10), "吉政函〔2026〕1号")).isEmpty();
        assertThat(policy.check(false, null, null, "吉政函〔2026〕1号")).extracting(Violation::messageKey)
                .containsExactly("planning.plan.approval-missing");
    }

    static Demand demand(String org, DemandStatus status, UUID call) {
        return new Demand(UUID.randomUUID(), call, 2026, org, "需求" + org, "内容", new BigDecimal("100"), UUID.randomUUID(),
                1, "A1", List.of(), null, null, status, null, null, "u", Instant.EPOCH, 0);
    }

    @Test
    void aDemandIsTriagedOnceAndADeclineNeedsAReason() {
        TriagePolicy policy = new TriagePolicy();
        Demand open = demand("RST", DemandStatus.OPEN, CALL.id());
        Demand done = demand("RST", DemandStatus.DECLINED, CALL.id());

        assertThat(policy.checkDecline(open, "重复建设")).isEmpty();
        assertThat(policy.checkDecline(open, "  ")).extracting(Violation::rule, Violation::item)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-7", "reason"));
        assertThat(policy.checkDecline(done, "x")).extracting(Violation::messageKey).containsExactly("planning.triage.already");
        assertThat(policy.checkIntoProject(List.of(open), false)).isEmpty();
        assertThat(policy.checkIntoProject(List.of(done), false)).extracting(Violation::rule).containsExactly("ART-7");
    }

    @Test
    void aMergeTakesTwoDemandsOfOneCallLedByOneOfTheirDepartments() {
        TriagePolicy policy = new TriagePolicy();
        Demand rst = demand("RST", DemandStatus.OPEN, CALL.id());
        Demand wjw = demand("WJW", DemandStatus.OPEN, CALL.id());
        Demand otherYear = demand("JYT", DemandStatus.OPEN, UUID.randomUUID());

        assertThat(policy.checkIntoProject(List.of(rst, wjw), true)).isEmpty();
        assertThat(policy.checkIntoProject(List.of(rst), true)).extracting(Violation::messageKey)
                .containsExactly("planning.triage.merge-needs-two");
        assertThat(policy.checkIntoProject(List.of(rst, rst), true)).extracting(Violation::messageKey)
                .containsExactly("planning.triage.merge-needs-two", "planning.triage.duplicate");
        assertThat(policy.checkIntoProject(List.of(rst, otherYear), true)).extracting(Violation::messageKey)
                .containsExactly("planning.triage.one-call");
        assertThat(policy.checkLead(List.of(rst, wjw), "WJW")).isEmpty();
        assertThat(policy.checkLead(List.of(rst, wjw), "JYT")).extracting(Violation::rule).containsExactly("ART-12");
    }

    @Test
    void responsibilitiesAreForParticipantsOnlyEachOnce() {
        ResponsibilityPolicy policy = new ResponsibilityPolicy();
        Responsibility wjw = new Responsibility("WJW", "接口", "数据");

        assertThat(policy.check(List.of("WJW"), List.of(wjw))).isEmpty();
        assertThat(policy.check(List.of("WJW"), List.of(wjw, wjw))).extracting(Violation::messageKey)
                .containsExactly("planning.responsibility.duplicate");
        assertThat(policy.check(List.of("WJW"), List.of(new Responsibility("JYT", "a", "b")))).extracting(Violation::rule)
                .containsExactly("ART-15");
        assertThat(policy.check(List.of(), List.of())).extracting(Violation::messageKey)
                .containsExactly("planning.responsibility.no-participants");
    }
}
