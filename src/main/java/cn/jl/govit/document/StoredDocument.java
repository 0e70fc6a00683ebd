package cn.jl.govit.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document of a project: either a stored file with its SM3 digest (GB/T 32905), or, for a classified project,
 * a registration by offline carrier reference with no content on this platform (Art. 8).
 *
 * @param filename the client's file name, sanitised for display; never used to store the bytes
 * @param sm3 lower-case hex SM3 of the bytes as stored, {@code null} for an offline registration
 */
public record StoredDocument(UUID id, UUID projectId, String code, String title, String filename, String contentType,
        Long size, String sm3, String offlineReference, String uploadedBy, Instant uploadedAt) {

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
    }

    /** Whether the document is only registered by its offline reference (no bytes here). */
    public boolean offline() {
        return offlineReference != null;
    }
}
