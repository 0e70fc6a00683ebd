package cn.jl.govit.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.jl.govit.planning.Demand;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.DemandStatus;
import cn.jl.govit.planning.PlanItem;
import cn.jl.govit.planning.PlanVersion;
import cn.jl.govit.planning.ProjectResponsibilities;
import cn.jl.govit.planning.Responsibility;
import cn.jl.govit.project.Projects;

/** The planning records as the API shows them. */
final class PlanningViews {

    private PlanningViews() {
    }

    record PlanView(UUID id, int version, String title, int periodFrom, int periodTo, LocalDate approvedOn,
            String approvalDocument, String adjustmentReason, String evaluation, List<PlanItem> items,
            String recordedBy, OffsetDateTime recordedAt) {

        static PlanView of(PlanVersion v) {
            return new PlanView(v.planId(), v.number(), v.title(), v.periodFrom(), v.periodTo(), v.approvedOn(),
                    v.approvalDocument(), v.adjustmentReason(), v.evaluation(), v.items(), v.recordedBy(),
                    v.recordedAt().atZone(Projects.ZONE).toOffsetDateTime());
        }
    }

    record CallView(UUID id, int year, LocalDate opensOn, LocalDate closesOn, List<String> focusAreas, boolean open,
            long version) {

        static CallView of(DemandCall c, LocalDate today) {
            return new CallView(c.id(), c.year(), c.opensOn(), c.closesOn(), c.focusAreas(), c.isOpenOn(today), c.version());
        }
    }

    record DemandView(UUID id, UUID callId, int year, String organizationCode, String title, String content,
            BigDecimal estimate, UUID planId, int planVersion, String planItemCode,
            List<String> participatingOrganizationCodes, Integer score, String scoreNote, DemandStatus status,
            String declineReason, UUID projectId, String filedBy, OffsetDateTime filedAt, long version) {

        static DemandView of(Demand d) {
            return new DemandView(d.id(), d.callId(), d.year(), d.organizationCode(), d.title(), d.content(), d.estimate(),
                    d.planId(), d.planVersion(), d.planItemCode(), d.participatingOrganizationCodes(), d.score(),
                    d.scoreNote(), d.status(), d.declineReason(), d.projectId(), d.filedBy(),
                    d.filedAt().atZone(Projects.ZONE).toOffsetDateTime(), d.version());
        }
    }

    record TriageView(UUID projectId, String projectCode, String leadOrganizationCode,
            List<String> participatingOrganizationCodes, String projectUrl, String constructionModeUrl,
            List<DemandView> demands) {
    }

    record ResponsibilitiesView(UUID projectId, List<Responsibility> responsibilities, String recordedBy,
            OffsetDateTime recordedAt, long version) {

        static ResponsibilitiesView of(ProjectResponsibilities r) {
            return new ResponsibilitiesView(r.projectId(), r.responsibilities(), r.recordedBy(),
                    r.recordedAt() == null ? null : r.recordedAt().atZone(Projects.ZONE).toOffsetDateTime(), r.version());
        }
    }
}
