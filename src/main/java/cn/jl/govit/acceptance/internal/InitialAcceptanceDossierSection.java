package cn.jl.govit.acceptance.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.acceptance.AcceptanceExtension;
import cn.jl.govit.acceptance.AcceptanceRectification;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptanceResult;
import cn.jl.govit.acceptance.AcceptanceExtensions;
import cn.jl.govit.acceptance.AcceptanceRectifications;
import cn.jl.govit.acceptance.InitialAcceptances;
import cn.jl.govit.acceptance.SpecialAcceptanceCatalog;
import cn.jl.govit.acceptance.TrialRun;
import cn.jl.govit.acceptance.TrialRuns;
import cn.jl.govit.document.Documents;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/acceptance-initial.json} of the archive package: every initial acceptance attempt with its special
 * acceptances and the SM3 of their reports, the trial run as recorded over time, the extension applications with their
 * decisions and the rectifications after failed acceptances (Art. 26, 27), once construction started.
 */
@Component
class InitialAcceptanceDossierSection implements DossierSection {

    private final InitialAcceptances initial;
    private final TrialRuns trialRuns;
    private final AcceptanceExtensions extensions;
    private final AcceptanceRectifications rectifications;
    private final SpecialAcceptanceCatalog catalog;
    private final Documents documents;

    InitialAcceptanceDossierSection(InitialAcceptances initial, TrialRuns trialRuns, AcceptanceExtensions extensions,
            AcceptanceRectifications rectifications, SpecialAcceptanceCatalog catalog, Documents documents) {
        this.initial = initial;
        this.trialRuns = trialRuns;
        this.extensions = extensions;
        this.rectifications = rectifications;
        this.catalog = catalog;
        this.documents = documents;
    }

    @Override
    public String name() {
        return "acceptance-initial";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.constructionStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        List<Attempt> attempts = initial.attempts(projectId).stream().map(this::attempt).toList();
        return new Content(attempts, trialRuns.history(projectId), extensions.list(projectId),
                rectifications.list(projectId));
    }

    private Attempt attempt(InitialAcceptance a) {
        return new Attempt(a.attempt(), a.acceptedOn(), a.result(), a.reportDocumentId(),
                a.reportDocumentId() == null ? null : documents.get(a.reportDocumentId()).sm3(), a.opinion(),
                a.recordedBy(), a.specialAcceptances().stream().map(s -> new Special(s.code(),
                        catalog.find(s.code()).map(SpecialAcceptanceCatalog.SpecialAcceptance::title).orElse(s.code()),
                        s.documentId(), documents.get(s.documentId()).sm3())).toList());
    }

    record Content(List<Attempt> initialAcceptances, List<TrialRun> trialRun, List<AcceptanceExtension> extensions,
            List<AcceptanceRectification> rectifications) {
    }

    record Attempt(int attempt, LocalDate acceptedOn, InitialAcceptanceResult result, UUID reportDocumentId,
            String reportSm3, String opinion, String recordedBy, List<Special> specialAcceptances) {
    }

    record Special(String code, String title, UUID documentId, String sm3) {
    }
}
