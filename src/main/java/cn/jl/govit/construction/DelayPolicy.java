package cn.jl.govit.construction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Art. 22: signs of a likely serious delay that the platform raises itself, so that the construction unit
 * reports it. A milestone of the current baseline still not reached more than {@code marginMonths} after its
 * planned date; or no progress report for more than {@code reportPeriodMonths + marginMonths} since the start
 * of construction or the last report. "More than" is calendar months: the day after the date the margin ends.
 *
 * @param reportPeriodMonths how often the unit reports progress ({@code progressReportPeriodMonths})
 * @param marginMonths months of grace ({@code seriousDelayMarginMonths})
 */
public record DelayPolicy(int reportPeriodMonths, int marginMonths) {

    public DelayPolicy {
        if (reportPeriodMonths < 1 || marginMonths < 1) {
            throw new IllegalArgumentException("periods are at least one month");
        }
    }

    /** The causes that hold on {@code today}; each has a stable key so that it is flagged once. */
    public List<Cause> check(Facts facts, LocalDate today) {
        List<Cause> causes = new ArrayList<>();
        for (Facts.Milestone m : facts.milestones()) {
            if (m.reachedOn() == null && today.isAfter(m.plannedOn().plusMonths(marginMonths))) {
                causes.add(new Cause("MILESTONE:" + m.id(), DelayFlagKind.MILESTONE_OVERDUE, m.name(), m.plannedOn()));
            }
        }
        LocalDate since = facts.lastReportOn() == null ? facts.startedOn() : facts.lastReportOn();
        if (today.isAfter(since.plusMonths(reportPeriodMonths + marginMonths))) {
            causes.add(new Cause("REPORT:" + since, DelayFlagKind.PROGRESS_REPORT_MISSING, since.toString(), since));
        }
        return causes;
    }

    /**
     * What the policy reads of a project under construction.
     *
     * @param lastReportOn the day the latest progress report was filed, {@code null} if none
     */
    public record Facts(LocalDate startedOn, LocalDate lastReportOn, List<Milestone> milestones) {

        public Facts {
            Objects.requireNonNull(startedOn, "startedOn");
            milestones = List.copyOf(milestones);
        }

        public record Milestone(UUID id, String name, LocalDate plannedOn, LocalDate reachedOn) {
        }
    }

    /**
     * A likely serious delay: {@code key} identifies it for the once-per-cause rule; {@code since} is the planned
     * date of the milestone or the day reporting was last done (or construction started).
     */
    public record Cause(String key, DelayFlagKind kind, String subject, LocalDate since) {
    }
}
