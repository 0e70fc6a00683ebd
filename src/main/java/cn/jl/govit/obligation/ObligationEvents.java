package cn.jl.govit.obligation;

import java.time.LocalDate;
import java.util.Objects;

/** Events of the obligation module, for modules that act on the calendar without running a scheduler of their own. */
public final class ObligationEvents {

    private ObligationEvents() {
    }

    /**
     * The daily obligation scan of {@code day} has finished on the node that claimed it: overdue obligations are
     * marked and their reminders sent. Published once per day across all nodes, after the scan's work committed,
     * so that listeners (delay flags of the construction module) see the marked obligations.
     *
     * @param day the provincial calendar day the scan ran for (Asia/Shanghai)
     */
    public record DailyScanCompleted(LocalDate day) {
        public DailyScanCompleted {
            Objects.requireNonNull(day, "day");
        }
    }
}
