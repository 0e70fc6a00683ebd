package cn.jl.govit.performance;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 20: a project whose construction period is longer than {@code minConstructionMonths} reports every year
 * before {@code dueDay}, on its progress and the execution of the investment plan, the trial-run effect and the
 * problems met, with the opinions of the user units and the supervision contractor. Returns every violation at once;
 * never throws.
 */
public record PerformanceReportPolicy(int minConstructionMonths, MonthDay dueDay) {

    static final String RULE = "ART-20";

    /** Every missing part of the report, each named by its field. */
    public List<Violation> completeness(PerformanceReportContent c) {
        List<Violation> violations = new ArrayList<>();
        text(c.constructionProgress(), "constructionProgress", violations);
        if (c.plannedInvestment() == null) {
            missing("plannedInvestment", violations);
        }
        if (c.executedInvestment() == null) {
            missing("executedInvestment", violations);
        }
        text(c.investmentExecution(), "investmentExecution", violations);
        text(c.trialRunEffect(), "trialRunEffect", violations);
        text(c.problemsAndMeasures(), "problemsAndMeasures", violations);
        List<PerformanceReportContent.UnitOpinion> users = c.userUnitOpinions();
        if (users.isEmpty()) {
            violations.add(Violation.of(RULE, "userUnitOpinions", "violation.ART-20.user-unit-opinion"));
        }
        for (int i = 0; i < users.size(); i++) {
            opinion(users.get(i), "userUnitOpinions[" + i + "]", violations);
        }
        if (c.supervisionOpinion() == null) {
            violations.add(Violation.of(RULE, "supervisionOpinion", "violation.ART-20.supervision-opinion"));
        }
        else {
            opinion(c.supervisionOpinion(), "supervisionOpinion", violations);
        }
        return violations;
    }

    /**
     * A report is drafted only for a year the obligation module has made due; {@code dueYears} are those years
     * (empty when the construction period is not longer than the minimum, or construction has not started).
     */
    public List<Violation> yearDue(int year, Collection<String> dueYears) {
        if (dueYears.contains(String.valueOf(year))) {
            return List.of();
        }
        if (dueYears.isEmpty()) {
            return List.of(Violation.of(RULE, "year", "violation.ART-20.no-report-due", String.valueOf(year),
                    minConstructionMonths));
        }
        return List.of(Violation.of(RULE, "year", "violation.ART-20.year-not-due", String.valueOf(year),
                String.join(", ", dueYears.stream().sorted().toList())));
    }

    private static void opinion(PerformanceReportContent.UnitOpinion o, String item, List<Violation> violations) {
        if (blank(o.name())) {
            violations.add(Violation.of(RULE, item + ".name", "violation.ART-20.missing-part",
                    new MessageKey("performance.field.unit-name")));
        }
        if (blank(o.opinion())) {
            violations.add(Violation.of(RULE, item + ".opinion", "violation.ART-20.missing-part",
                    new MessageKey("performance.field.unit-opinion")));
        }
    }

    private static void text(String value, String item, List<Violation> violations) {
        if (blank(value)) {
            missing(item, violations);
        }
    }

    private static void missing(String item, List<Violation> violations) {
        violations.add(Violation.of(RULE, item, "violation.ART-20.missing-part", new MessageKey("performance.field." + item)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
