package cn.jl.govit.operation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the periodic assessments of a system in operation fall due (Art. 16, 17, 36): the first one period after
 * operation started, every later one period after the assessment before it — counted from that assessment's own
 * date, so a late assessment moves the next due date later and an early one earlier. Periods are calendar months
 * ({@code plusMonths}: 31 January + 1 month is the last day of February). Plain Java; never throws on valid input.
 *
 * @param securityPeriodMonths period of security risk assessments (rulebook {@code securityAssessmentPeriodMonths})
 * @param cryptoPeriodMonths period of cryptography assessments (rulebook {@code cryptoAssessmentPeriodMonths})
 */
public record AssessmentSchedule(int securityPeriodMonths, int cryptoPeriodMonths) {

    public AssessmentSchedule {
        if (securityPeriodMonths < 1 || cryptoPeriodMonths < 1) {
            throw new IllegalArgumentException("assessment periods are at least one month");
        }
    }

    /** The period of the kind, in months. */
    public int periodMonths(AssessmentKind kind) {
        return kind == AssessmentKind.SECURITY ? securityPeriodMonths : cryptoPeriodMonths;
    }

    /** The first assessment of the kind: subject {@code <KIND>-1}, due one period after operation started. */
    public Due first(AssessmentKind kind, LocalDate operationStartedOn) {
        Objects.requireNonNull(operationStartedOn);
        return new Due(kind, 1, operationStartedOn.plusMonths(periodMonths(kind)));
    }

    /**
     * The assessment after the {@code sequence}-th one, which took place on {@code assessedOn}: subject
     * {@code <KIND>-(sequence + 1)}, due one period after {@code assessedOn}.
     */
    public Due after(AssessmentKind kind, int sequence, LocalDate assessedOn) {
        Objects.requireNonNull(assessedOn);
        if (sequence < 1) {
            throw new IllegalArgumentException("assessments are counted from 1");
        }
        return new Due(kind, sequence + 1, assessedOn.plusMonths(periodMonths(kind)));
    }

    /** The {@code sequence}-th assessment of a kind and the day it is due. */
    public record Due(AssessmentKind kind, int sequence, LocalDate dueDate) {

        /** The obligation subject that stands for this assessment. */
        public String subject() {
            return kind.subject(sequence);
        }
    }
}
