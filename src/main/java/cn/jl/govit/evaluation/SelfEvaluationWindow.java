package cn.jl.govit.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 28: the construction unit carries out its self-evaluation "within 12 to 24 months after the project passed
 * final acceptance and went into operation". The window opens {@code startMonths} calendar months after the day
 * operation started and closes {@code endMonths} months after it; both days belong to the window. A report after
 * the window is still taken (the duty is not void because it is late) but is marked late; before the window it is
 * refused, since the system has not run long enough to be evaluated. Plain Java; never throws for a rule.
 */
public record SelfEvaluationWindow(int startMonths, int endMonths) {

    static final String RULE = "ART-28";

    public SelfEvaluationWindow {
        if (startMonths < 0 || endMonths <= startMonths) {
            throw new IllegalArgumentException("the window closes after it opens");
        }
    }

    /** Where a day stands in relation to the window of a project. */
    public enum State {
        NOT_YET_OPEN, OPEN, OVERDUE
    }

    /** The first day of the window: {@code startMonths} calendar months after operation started. */
    public LocalDate opensOn(LocalDate operationStartedOn) {
        return Objects.requireNonNull(operationStartedOn).plusMonths(startMonths);
    }

    /** The last day of the window, still in time: {@code endMonths} calendar months after operation started. */
    public LocalDate dueOn(LocalDate operationStartedOn) {
        return Objects.requireNonNull(operationStartedOn).plusMonths(endMonths);
    }

    /** Before the opening day, between the opening and the due day (both included), or after the due day. */
    public State stateOn(LocalDate operationStartedOn, LocalDate day) {
        if (day.isBefore(opensOn(operationStartedOn))) {
            return State.NOT_YET_OPEN;
        }
        return day.isAfter(dueOn(operationStartedOn)) ? State.OVERDUE : State.OPEN;
    }

    /** Whether a report submitted on {@code submittedOn} is late (after the due day). */
    public boolean late(LocalDate operationStartedOn, LocalDate submittedOn) {
        return stateOn(operationStartedOn, submittedOn) == State.OVERDUE;
    }

    /**
     * The self-evaluation carried out on {@code evaluatedOn}: refused before the window opens, naming the opening
     * day; an evaluation after the due day is allowed (late).
     */
    public List<Violation> evaluatedIn(LocalDate operationStartedOn, LocalDate evaluatedOn) {
        if (stateOn(operationStartedOn, evaluatedOn) == State.NOT_YET_OPEN) {
            return List.of(Violation.of(RULE, "evaluatedOn", "violation.ART-28.window-not-open", evaluatedOn.toString(),
                    opensOn(operationStartedOn).toString(), operationStartedOn.toString(), startMonths));
        }
        return List.of();
    }
}
