package cn.jl.govit.obligation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deadlines that the start of construction creates (Art. 20, 26): an annual performance report by each
 * report day (31 December by default) that falls strictly after the start and on or before the planned
 * completion, when the approved construction period is longer than the threshold (12 months: a period of
 * exactly one year needs none); and initial acceptance by the planned completion.
 *
 * @param performanceReportMinConstructionMonths a period longer than this needs annual reports
 * @param performanceReportDueDay the day of each year by which the report is due
 */
public record ConstructionDeadlines(int performanceReportMinConstructionMonths, MonthDay performanceReportDueDay) {

    public ConstructionDeadlines {
        Objects.requireNonNull(performanceReportDueDay, "performanceReportDueDay");
    }

    /** One deadline: subject tells deadlines of the same type apart (the report year). */
    public record Deadline(ObligationType type, String subject, LocalDate dueDate, String rule) {
    }

    /** The deadlines of a construction that started on {@code startedOn} for the approved period. */
    public List<Deadline> derive(LocalDate startedOn, int constructionPeriodMonths, LocalDate plannedCompletion) {
        List<Deadline> deadlines = new ArrayList<>();
        if (constructionPeriodMonths > performanceReportMinConstructionMonths) {
            for (int year = startedOn.getYear(); year <= plannedCompletion.getYear(); year++) {
                LocalDate due = performanceReportDueDay.atYear(year);
                if (due.isAfter(startedOn) && !due.isAfter(plannedCompletion)) {
                    deadlines.add(new Deadline(ObligationType.PERFORMANCE_REPORT, Integer.toString(year), due,
                            ObligationType.PERFORMANCE_REPORT.rule()));
                }
            }
        }
        deadlines.add(new Deadline(ObligationType.INITIAL_ACCEPTANCE, INITIAL_ACCEPTANCE_SUBJECT, plannedCompletion,
                ObligationType.INITIAL_ACCEPTANCE.rule()));
        return deadlines;
    }

    /** A project has one initial acceptance: its subject is fixed. */
    public static final String INITIAL_ACCEPTANCE_SUBJECT = "INITIAL";
}
