package cn.jl.govit.archive.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.archive.ArchiveAcceptance;
import cn.jl.govit.archive.ArchiveAcceptanceStatus;
import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.archive.ArchiveEntries;
import cn.jl.govit.archive.ArchiveEntry;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.Paging;

/**
 * {@code metadata/archive.json} of the archive package: the project's archive entries by category and every round
 * of its archive acceptance by the Archives Bureau (Art. 24), once construction started.
 */
@Component
class ArchiveDossierSection implements DossierSection {

    private final ArchiveEntries entries;
    private final ArchiveAcceptances acceptances;

    ArchiveDossierSection(ArchiveEntries entries, ArchiveAcceptances acceptances) {
        this.entries = entries;
        this.acceptances = acceptances;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.constructionStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(DossierSection.allPages((page, size) -> entries.page(projectId, Paging.of(page, size))),
                acceptances.status(projectId), acceptances.rounds(projectId));
    }

    record Content(List<ArchiveEntry> entries, ArchiveAcceptanceStatus acceptanceStatus,
            List<ArchiveAcceptance> acceptanceRounds) {
    }
}
