package cn.jl.govit.dossier.internal;

import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/documents.json}: every document record with its SM3 digest, oldest first; a classified project's
 * offline registrations appear here only, by their carrier reference (Art. 8).
 */
@Component
class DocumentsDossierSection implements DossierSection {

    private final Documents documents;

    DocumentsDossierSection(Documents documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public boolean appliesTo(Project project) {
        return true;
    }

    @Override
    public Object content(UUID projectId) {
        return documents.list(projectId).stream()
                .sorted(Comparator.comparing(StoredDocument::uploadedAt).thenComparing(d -> d.id().toString()))
                .toList();
    }
}
