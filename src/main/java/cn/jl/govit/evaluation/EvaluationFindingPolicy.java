package cn.jl.govit.evaluation;

import java.time.LocalDate;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 32: the approval authority applies the results of evaluations and raises rectification opinions on the
 * problems they found. A finding rests on an evaluation result that exists (a submitted self-evaluation, a reported
 * post-evaluation); the unit rectifies by a deadline, by default {@code rectificationWindowMonths} calendar months
 * after the finding was raised; a rectification cannot precede its finding. Plain Java; never throws for a rule.
 */
public record EvaluationFindingPolicy(int rectificationWindowMonths) {

    static final String RULE = "ART-32";

    /** The deadline asked for, or the default one counted from the day the finding was raised. */
    public LocalDate rectificationDue(LocalDate raisedOn, LocalDate requested) {
        return requested != null ? requested : raisedOn.plusMonths(rectificationWindowMonths);
    }

    /** A post-evaluation gives results to act on only once its report is recorded. */
    public List<Violation> postEvaluationReported(PostEvaluationStatus status) {
        return status == PostEvaluationStatus.REPORTED ? List.of()
                : List.of(Violation.of(RULE, "sourceId", "violation.ART-32.source-not-reported"));
    }

    /** The unit answers a finding that is open (raised, or its last rectification rejected). */
    public List<Violation> answerable(EvaluationFindingStatus status) {
        return status == EvaluationFindingStatus.OPEN ? List.of()
                : List.of(Violation.of(RULE, "status", "violation.ART-32.finding-not-open", label(status)));
    }

    /** The authority reviews a rectification the unit has reported and that awaits its review. */
    public List<Violation> reviewable(EvaluationFindingStatus status) {
        return status == EvaluationFindingStatus.RECTIFIED ? List.of()
                : List.of(Violation.of(RULE, "status", "violation.ART-32.finding-not-rectified", label(status)));
    }

    /** A rectification is done after the finding that asked for it, never before. */
    public List<Violation> rectifiedAfterRaised(LocalDate raisedOn, LocalDate rectifiedOn) {
        return rectifiedOn.isBefore(raisedOn)
                ? List.of(Violation.of(RULE, "rectifiedOn", "violation.ART-32.rectified-before-raised",
                        rectifiedOn.toString(), raisedOn.toString()))
                : List.of();
    }

    private static MessageKey label(EvaluationFindingStatus status) {
        return new MessageKey("enum.EvaluationFindingStatus." + status.name());
    }
}
