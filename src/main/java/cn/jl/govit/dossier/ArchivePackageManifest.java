package cn.jl.govit.dossier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code manifest.json} of an archive package: every other entry with its size and SM3 digest, and who made and
 * signs the package. {@code manifest.sig} holds the SM2 signature of this file's exact bytes.
 *
 * @param signingIssuer the organisation whose SM2 key signs (the project's approval authority, Art. 5)
 * @param signingKeyId that key's id as published at {@code /api/v1/signing-keys/{issuer}}
 */
public record ArchivePackageManifest(String format, UUID projectId, String projectCode, Instant createdAt,
        String createdBy, String signingIssuer, String signingKeyId, String signatureAlgorithm, List<Entry> entries) {

    public static final String FORMAT = "govit-archive-package/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    public ArchivePackageManifest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One entry of the package. */
    public record Entry(String path, long size, String sm3) {
    }
}
