package cn.jl.govit.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The province-wide overview at one day under one filter. Every bucket carries the address of the list behind it
 * so that each number drills down.
 *
 * @param asOf the day the overview was computed (Asia/Shanghai)
 * @param filter what was counted
 * @param kpis the headline numbers
 * @param byStatus projects by lifecycle status, in lifecycle order, zeros included
 * @param byPathType projects by approval path type (Art. 9), zeros included
 * @param byDepartment projects by lead department, the largest first, the rest summed as "others"
 * @param funnel the investment funnel per year of approval, in yuan
 * @param overdue overdue obligations by responsible department, with a count per obligation type
 * @param openFindings supervision findings not yet settled (open or rectified and awaiting review) by duty area,
 *        the largest first (Art. 31)
 * @param sanctionsInForce sanctions in force by kind, in the order of the Art. 31 ladder, zeros included
 */
public record Overview(LocalDate asOf, OverviewFilter filter, Kpis kpis, List<Bucket> byStatus, List<Bucket> byPathType,
        List<DepartmentBucket> byDepartment, List<FunnelYear> funnel, List<OverdueDepartment> overdue,
        List<Bucket> openFindings, List<Bucket> sanctionsInForce) {

    /**
     * @param projects the projects counted
     * @param approvedInvestment the sum of their approved estimates, yuan
     * @param overdueObligations obligations past their due date and not met
     * @param inAcceptance projects in acceptance (Art. 26)
     * @param inOperation projects in operation (Art. 28)
     * @param selfEvaluationsDue self-evaluations whose window has opened and that are not yet met (Art. 32)
     * @param links the list behind each number, keyed by the name of the number ({@code projects},
     *        {@code overdueObligations}, {@code inAcceptance}, {@code inOperation}, {@code selfEvaluationsDue})
     */
    public record Kpis(long projects, BigDecimal approvedInvestment, long overdueObligations, long inAcceptance,
            long inOperation, long selfEvaluationsDue, Map<String, String> links) {
    }

    /** One count and the list behind it. */
    public record Bucket(String key, long count, String link) {
    }

    /** A lead department (organisation code, null for the "others" bucket) with its projects. */
    public record DepartmentBucket(String organizationCode, String nameZh, String nameEn, long count,
            BigDecimal approvedInvestment, String link) {
    }

    /**
     * One year of approval: approved estimates → contracted → fund plans issued → disbursed → spent, yuan; the link
     * lists the projects approved that year.
     */
    public record FunnelYear(int year, BigDecimal approved, BigDecimal contracted, BigDecimal fundPlans,
            BigDecimal disbursed, BigDecimal spent, String link) {
    }

    /** A responsible department's overdue obligations, in total and per obligation type. */
    public record OverdueDepartment(String organizationCode, String nameZh, String nameEn, long count,
            Map<String, Long> byType, String link) {
    }
}
