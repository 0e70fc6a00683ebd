package cn.jl.govit.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.document.signing.Sm2;

/**
 * Checks an archive package against its manifest and the manifest against its SM2 signature: which entries were
 * changed, which are missing, which were added. Plain Java, used by the verification endpoint and by
 * {@link VerifyArchivePackage} on the command line. The ZIP is read as a stream with limits on the number of
 * entries and their total uncompressed size, so that a ZIP bomb is refused instead of filling memory or disk.
 */
public final class ArchivePackageVerifier {

    /** Far more entries than any project has documents, few enough to refuse a flood of tiny entries. */
    public static final int MAX_ENTRIES = 20_000;
    /** Uncompressed total; the export holds every document of a project, each at most 50 MB. */
    public static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
    private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final int maxEntries;
    private final long maxTotalBytes;

    public ArchivePackageVerifier() {
        this(MAX_ENTRIES, MAX_TOTAL_BYTES);
    }

    ArchivePackageVerifier(int maxEntries, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Reads the package: the SM3 of every entry, the manifest and its signature.
     *
     * @throws InvalidArchivePackageException when the input is not a ZIP, has no readable manifest, names an entry
     *         with {@code ..}, an absolute path or twice, or exceeds the limits
     */
    public ReadPackage read(InputStream in) throws IOException {
        Map<String, Digest> digests = new LinkedHashMap<>();
        byte[] manifest = null;
        byte[] signature = null;
        long total = 0;
        int count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > maxEntries) {
                    throw new InvalidArchivePackageException("too-many-entries");
                }
                String name = entry.getName();
                if (!safe(name)) {
                    throw new InvalidArchivePackageException("unsafe-path");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (digests.containsKey(name)) {
                    throw new InvalidArchivePackageException("duplicate-entry");
                }
                boolean keep = name.equals(ArchivePackageManifest.MANIFEST) || name.equals(ArchivePackageManifest.SIGNATURE);
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                SM3Digest sm3 = new SM3Digest();
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (total > maxTotalBytes) {
                        throw new InvalidArchivePackageException("too-large");
                    }
                    sm3.update(buffer, 0, n);
                    if (keep) {
                        if (size > MAX_MANIFEST_BYTES) {
                            throw new InvalidArchivePackageException("too-large");
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                byte[] out = new byte[sm3.getDigestSize()];
                sm3.doFinal(out, 0);
                digests.put(name, new Digest(size, HexFormat.of().formatHex(out)));
                if (name.equals(ArchivePackageManifest.MANIFEST)) {
                    manifest = kept.toByteArray();
                }
                else if (name.equals(ArchivePackageManifest.SIGNATURE)) {
                    signature = kept.toByteArray();
                }
            }
        }
        catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw new InvalidArchivePackageException("not-zip");
        }
        if (count == 0) {
            throw new InvalidArchivePackageException("not-zip");
        }
        if (manifest == null) {
            throw new InvalidArchivePackageException("no-manifest");
        }
        ArchivePackageManifest parsed;
        try {
            parsed = JSON.readValue(manifest, ArchivePackageManifest.class);
        }
        catch (JacksonException e) {
            throw new InvalidArchivePackageException("bad-manifest");
        }
        if (parsed == null || !ArchivePackageManifest.FORMAT.equals(parsed.format())) {
            throw new InvalidArchivePackageException("bad-manifest");
        }
        digests.remove(ArchivePackageManifest.MANIFEST);
        digests.remove(ArchivePackageManifest.SIGNATURE);
        return new ReadPackage(parsed, manifest, signature, digests);
    }

    private static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf(':') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    record Digest(long size, String sm3) {
    }

    /** A package as read, to be checked against a public key. */
    public static final class ReadPackage {

        private final ArchivePackageManifest manifest;
        private final byte[] manifestBytes;
        private final byte[] signature;
        private final Map<String, Digest> entries;

        ReadPackage(ArchivePackageManifest manifest, byte[] manifestBytes, byte[] signature, Map<String, Digest> entries) {
            this.manifest = manifest;
            this.manifestBytes = manifestBytes;
            this.signature = signature;
            this.entries = entries;
        }

        public ArchivePackageManifest manifest() {
            return manifest;
        }

        /** Compares the entries with the manifest and the signature with {@code key} ({@code null}: unknown signer). */
        public Verification verify(PublicKey key) {
            boolean signatureValid = key != null && signature != null && Sm2.verify(key, manifestBytes, decode(signature));
            List<String> changed = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Map<String, Digest> unlisted = new LinkedHashMap<>(entries);
            for (ArchivePackageManifest.Entry listed : manifest.entries()) {
                Digest found = unlisted.remove(listed.path());
                if (found == null) {
                    missing.add(listed.path());
                }
                else if (found.size() != listed.size() || !found.sm3().equalsIgnoreCase(String.valueOf(listed.sm3()))) {
                    changed.add(listed.path());
                }
            }
            List<String> added = List.copyOf(unlisted.keySet());
            return new Verification(signatureValid && changed.isEmpty() && missing.isEmpty() && added.isEmpty(),
                    signatureValid, List.copyOf(changed), List.copyOf(missing), added, manifest.projectId() == null ? null
                            : manifest.projectId().toString(), manifest.projectCode(), manifest.signingIssuer(),
                    manifest.signingKeyId());
        }

        private static byte[] decode(byte[] base64) {
            try {
                return Base64.getDecoder().decode(new String(base64, StandardCharsets.US_ASCII).strip());
            }
            catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
    }

    /**
     * The outcome: valid only when the signature holds and every entry is as listed.
     *
     * @param changed entries whose size or SM3 differ from the manifest
     * @param missing entries the manifest lists that the package lacks
     * @param added entries the package has that the manifest does not list
     */
    public record Verification(boolean valid, boolean signatureValid, List<String> changed, List<String> missing,
            List<String> added, String projectId, String projectCode, String signingIssuer, String signingKeyId) {
    }

    /** The input is not an archive package at all; {@code reason} names which check refused it. */
    public static final class InvalidArchivePackageException extends RuntimeException {

        private final String reason;

        public InvalidArchivePackageException(String reason) {
            super("not a valid archive package: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
