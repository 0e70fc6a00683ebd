package cn.jl.govit.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.performance.PerformanceReportContent.UnitOpinion;
import cn.jl.govit.rulebook.Violation;

/** Art. 20: every part of the annual report, the user units' and the supervision contractor's opinions, the due years. */
class PerformanceReportPolicyTests {

    private final PerformanceReportPolicy policy = new PerformanceReportPolicy(12, MonthDay.of(12, 31));

    static PerformanceReportContent complete() {
        return new PerformanceReportContent("完成需求分析和系统设计，开发完成 60%", new BigDecimal("3000000"),
                new BigDecimal("2500000.50"), "年度投资计划执行 83%", "尚未投入试运行", "接口联调滞后，已增派人员",
                List.of(new UnitOpinion("省社保局", "同意报告内容")), new UnitOpinion("吉林某监理公司", "进度基本符合计划"),
                List.of(UUID.randomUUID()));
    }

    @Test
    void aCompleteReportPasses() {
        assertThat(policy.completeness(complete())).isEmpty();
    }

    @Test
    void exactlyOneUserUnitOpinionSuffices() {
        assertThat(complete().userUnitOpinions()).hasSize(1);
        assertThat(policy.completeness(complete())).isEmpty();
    }

    @Test
    void anEmptyReportNamesEveryMissingPartAtOnce() {
        List<Violation> violations = policy.completeness(PerformanceReportContent.empty());
        assertThat(violations).extracting(Violation::rule).containsOnly("ART-20");
        assertThat(violations).extracting(Violation::item).containsExactly("constructionProgress", "plannedInvestment",
                "executedInvestment", "investmentExecution", "trialRunEffect", "problemsAndMeasures", "userUnitOpinions",
                "supervisionOpinion");
    }

    @Test
    void eachMissingPartAloneIsNamed() {
        PerformanceReportContent c = complete();
        assertThat(items(new PerformanceReportContent(" ", c.plannedInvestment(), c.executedInvestment(), c.investmentExecution(),
                c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("constructionProgress");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), null, c.executedInvestment(), c.investmentExecution(),
                c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("plannedInvestment");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), null, c.investmentExecution(),
                c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("executedInvestment");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(), "",
                c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("investmentExecution");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(),
                c.investmentExecution(), null, c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("trialRunEffect");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(),
                c.investmentExecution(), c.trialRunEffect(), null, c.userUnitOpinions(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("problemsAndMeasures");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(),
                c.investmentExecution(), c.trialRunEffect(), c.problemsAndMeasures(), List.of(), c.supervisionOpinion(), c.attachments())))
                .containsExactly("userUnitOpinions");
        assertThat(items(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(),
                c.investmentExecution(), c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), null, c.attachments())))
                .containsExactly("supervisionOpinion");
    }

    @Test
    void anOpinionWithoutNameOrTextIsNamedByItsPosition() {
        PerformanceReportContent c = complete();
        PerformanceReportContent halfOpinions = new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(),
                c.executedInvestment(), c.investmentExecution(), c.trialRunEffect(), c.problemsAndMeasures(),
                List.of(new UnitOpinion("省社保局", "同意"), new UnitOpinion("", "同意"), new UnitOpinion("省医保局", " ")),
                new UnitOpinion("监理公司", null), List.of());
        assertThat(items(halfOpinions)).containsExactly("userUnitOpinions[1].name", "userUnitOpinions[2].opinion",
                "supervisionOpinion.opinion");
    }

    @Test
    void noAttachmentIsNeeded() {
        PerformanceReportContent c = complete();
        assertThat(policy.completeness(new PerformanceReportContent(c.constructionProgress(), c.plannedInvestment(),
                c.executedInvestment(), c.investmentExecution(), c.trialRunEffect(), c.problemsAndMeasures(),
                c.userUnitOpinions(), c.supervisionOpinion(), null))).isEmpty();
    }

    @Test
    void aYearIsDueOnlyWhenItsObligationExists() {
        assertThat(policy.yearDue(2026, List.of("2026", "2027"))).isEmpty();

        List<Violation> other = policy.yearDue(2028, List.of("2027", "2026"));
        assertThat(other).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-20");
            assertThat(v.item()).isEqualTo("year");
            assertThat(v.messageKey()).isEqualTo("violation.ART-20.year-not-due");
            assertThat(v.args()).containsExactly("2028", "2026, 2027");
        });

        List<Violation> none = policy.yearDue(2026, List.of());
        assertThat(none).singleElement().satisfies(v -> {
            assertThat(v.messageKey()).isEqualTo("violation.ART-20.no-report-due");
            assertThat(v.args()).containsExactly("2026", 12);
        });
    }

    private List<String> items(PerformanceReportContent content) {
        return policy.completeness(content).stream().map(Violation::item).toList();
    }
}
