package cn.jl.govit.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document of the project registered to its archive (归档): the category, title, retention and carrier. The
 * document is one stored for the project ({@code cn.jl.govit.document}); for a classified project, one registered
 * there by its offline reference.
 */
public record ArchiveEntry(UUID id, UUID projectId, String categoryCode, UUID documentId, String title,
        Retention retention, Carrier carrier, String registeredBy, Instant registeredAt) {

    public ArchiveEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(categoryCode);
        Objects.requireNonNull(documentId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(retention);
        Objects.requireNonNull(carrier);
    }
}
