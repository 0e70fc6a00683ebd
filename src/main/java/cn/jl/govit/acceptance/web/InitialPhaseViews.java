package cn.jl.govit.acceptance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.jl.govit.acceptance.AcceptanceExtension;
import cn.jl.govit.acceptance.AcceptanceExtensionStatus;
import cn.jl.govit.acceptance.AcceptanceKind;
import cn.jl.govit.acceptance.AcceptanceRectification;
import cn.jl.govit.acceptance.AcceptanceRectificationStatus;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptanceResult;
import cn.jl.govit.acceptance.SpecialAcceptanceCatalog;
import cn.jl.govit.acceptance.TrialRun;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;

/** API shapes of initial acceptance, trial run, extensions and rectifications. */
final class InitialPhaseViews {

    private InitialPhaseViews() {
    }

    record SpecialAcceptanceView(String code, String title, UUID documentId, String sm3) {
    }

    record InitialAcceptanceView(UUID id, int attempt, LocalDate acceptedOn, InitialAcceptanceResult result,
            UUID reportDocumentId, String reportSm3, String opinion, String recordedBy,
            List<SpecialAcceptanceView> specialAcceptances) {

        static InitialAcceptanceView of(InitialAcceptance a, SpecialAcceptanceCatalog catalog, Documents documents) {
            return new InitialAcceptanceView(a.id(), a.attempt(), a.acceptedOn(), a.result(), a.reportDocumentId(),
                    a.reportDocumentId() == null ? null : sm3(documents, a.reportDocumentId()), a.opinion(),
                    a.recordedBy(), a.specialAcceptances().stream().map(s -> new SpecialAcceptanceView(s.code(),
                            catalog.find(s.code()).map(SpecialAcceptanceCatalog.SpecialAcceptance::title).orElse(s.code()),
                            s.documentId(), sm3(documents, s.documentId()))).toList());
        }
    }

    /** The SM3 of a stored file; {@code null} for a classified project's offline registration. */
    static String sm3(Documents documents, UUID id) {
        StoredDocument d = documents.get(id);
        return d.sm3();
    }

    record TrialRunView(LocalDate startedOn, LocalDate stableSince, boolean stable, int version, String recordedBy) {

        static TrialRunView of(TrialRun t) {
            return new TrialRunView(t.startedOn(), t.stableSince(), t.stable(), t.version(), t.recordedBy());
        }
    }

    record ExtensionView(UUID id, UUID projectId, AcceptanceKind kind, String reasons, LocalDate previousDate,
            LocalDate newDate, AcceptanceExtensionStatus status, String appliedBy, LocalDate appliedOn, String opinion,
            String decidedBy, LocalDate decidedOn, long version) {

        static ExtensionView of(AcceptanceExtension e) {
            return new ExtensionView(e.id(), e.projectId(), e.kind(), e.reasons(), e.previousDate(), e.newDate(),
                    e.status(), e.appliedBy(), e.appliedOn(), e.opinion(), e.decidedBy(), e.decidedOn(), e.version());
        }
    }

    record RectificationView(UUID id, AcceptanceKind kind, int number, LocalDate failedOn, String opinion,
            LocalDate dueDate, AcceptanceRectificationStatus status, LocalDate completedOn, UUID documentId,
            String summary, String completedBy, String obligationSubject) {

        static RectificationView of(AcceptanceRectification r) {
            return new RectificationView(r.id(), r.kind(), r.number(), r.failedOn(), r.opinion(), r.dueDate(),
                    r.status(), r.completedOn(), r.documentId(), r.summary(), r.completedBy(), r.subject());
        }
    }
}
