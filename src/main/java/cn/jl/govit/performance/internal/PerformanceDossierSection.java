package cn.jl.govit.performance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.performance.PerformanceReport;
import cn.jl.govit.performance.PerformanceReportContent;
import cn.jl.govit.performance.PerformanceReportStatus;
import cn.jl.govit.performance.PerformanceReportVersion;
import cn.jl.govit.performance.PerformanceReports;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/performance.json} of the archive package: the annual performance reports (Art. 20) with every
 * submitted version and the authority's decision on it, for a project whose construction started.
 */
@Component
class PerformanceDossierSection implements DossierSection {

    private final PerformanceReports reports;

    PerformanceDossierSection(PerformanceReports reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "performance";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.constructionStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return reports.forProject(projectId).stream().map(r -> Report.of(r, reports.versions(r.id()))).toList();
    }

    /** A report as archived: its current state and its submitted versions, oldest first. */
    record Report(UUID id, int year, PerformanceReportStatus status, int revision, LocalDate dueDate, boolean late,
            LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, String decisionOpinion, LocalDate decidedOn,
            String createdBy, Instant createdAt, PerformanceReportContent content, List<PerformanceReportVersion> versions) {

        static Report of(PerformanceReport r, List<PerformanceReportVersion> versions) {
            return new Report(r.id(), r.year(), r.status(), r.revision(), r.dueDate(), r.late(), r.firstSubmittedOn(),
                    r.lastSubmittedOn(), r.decisionOpinion(), r.decidedOn(), r.createdBy(), r.createdAt(), r.content(),
                    versions);
        }
    }
}
