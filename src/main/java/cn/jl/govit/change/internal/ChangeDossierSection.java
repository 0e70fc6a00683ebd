package cn.jl.govit.change.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.change.Baseline;
import cn.jl.govit.change.ChangeFacts;
import cn.jl.govit.change.ChangeRequest;
import cn.jl.govit.change.ChangeRequests;
import cn.jl.govit.change.ChangeRoute;
import cn.jl.govit.change.ChangeStatus;
import cn.jl.govit.change.StoredChange;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/change.json} of the archive package: the change requests with their route and decision (Art. 23)
 * and the baselines they established, for an approved project; read as the exporting user.
 */
@Component
class ChangeDossierSection implements DossierSection {

    private final ChangeRequests changes;

    ChangeDossierSection(ChangeRequests changes) {
        this.changes = changes;
    }

    @Override
    public String name() {
        return "change";
    }

    @Override
    public boolean appliesTo(Project project) {
        // changes are measured against the approved estimate; there is none before approval
        return project.approvedEstimate() != null;
    }

    @Override
    public Object content(UUID projectId) {
        List<Request> requests = DossierSection.allPages((page, size) -> changes.forProject(projectId, page, size))
                .stream().map(Request::of).toList();
        return new Content(requests, changes.baselines(projectId));
    }

    record Content(List<Request> changeRequests, List<Baseline> baselines) {
    }

    /** A change request as archived, with the threshold it was assessed against. */
    record Request(UUID id, int number, ChangeFacts facts, String description, ChangeRoute route, ChangeStatus status,
            String requestedBy, Instant requestedAt, LocalDate requestedOn, UUID submissionId, String acknowledgedBy,
            Instant acknowledgedAt, BigDecimal approvedTotalInvestment, String decisionDocumentNumber,
            LocalDate decidedOn, String decidedBy, BigDecimal thresholdShare, String thresholdBasis, long version) {

        static Request of(StoredChange stored) {
            ChangeRequest r = stored.request();
            return new Request(r.id(), r.number(), r.facts(), r.description(), r.route(), r.status(), r.requestedBy(),
                    r.requestedAt(), r.requestedOn(), r.submissionId(), r.acknowledgedBy(), r.acknowledgedAt(),
                    r.approvedTotalInvestment(), r.decisionDocumentNumber(), r.decidedOn(), r.decidedBy(),
                    stored.thresholdShare(), stored.basis() == null ? null : stored.basis().name(), r.version());
        }
    }
}
