package cn.jl.govit.performance.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.jl.govit.performance.PerformanceReport;
import cn.jl.govit.performance.PerformanceReportContent;
import cn.jl.govit.performance.PerformanceReportOutcome;
import cn.jl.govit.performance.PerformanceReportStatus;
import cn.jl.govit.performance.PerformanceReportVersion;

/** A report as the API shows it. */
record PerformanceReportView(UUID id, UUID projectId, int year, PerformanceReportStatus status, int revision,
        LocalDate dueDate, LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, boolean late, String decisionOpinion,
        LocalDate decidedOn, String constructionProgress, BigDecimal plannedInvestment, BigDecimal executedInvestment,
        String investmentExecution, String trialRunEffect, String problemsAndMeasures,
        List<PerformanceReportContent.UnitOpinion> userUnitOpinions, PerformanceReportContent.UnitOpinion supervisionOpinion,
        List<UUID> attachments, long version) {

    static PerformanceReportView of(PerformanceReport r) {
        PerformanceReportContent c = r.content();
        return new PerformanceReportView(r.id(), r.projectId(), r.year(), r.status(), r.revision(), r.dueDate(),
                r.firstSubmittedOn(), r.lastSubmittedOn(), r.late(), r.decisionOpinion(), r.decidedOn(),
                c.constructionProgress(), c.plannedInvestment(), c.executedInvestment(), c.investmentExecution(),
                c.trialRunEffect(), c.problemsAndMeasures(), c.userUnitOpinions(), c.supervisionOpinion(),
                c.attachments(), r.version());
    }

    /** One submitted version with the decision on it. */
    record VersionView(int revision, LocalDate submittedOn, String submittedBy, Instant submittedAt, boolean late,
            PerformanceReportContent content, PerformanceReportOutcome outcome, String opinion, String decidedBy,
            LocalDate decidedOn) {

        static VersionView of(PerformanceReportVersion v) {
            return new VersionView(v.revision(), v.submittedOn(), v.submittedBy(), v.submittedAt(), v.late(), v.content(),
                    v.outcome(), v.opinion(), v.decidedBy(), v.decidedOn());
        }
    }
}
