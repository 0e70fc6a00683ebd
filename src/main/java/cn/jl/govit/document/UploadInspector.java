package cn.jl.govit.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * Decides what an upload is from its bytes alone (Apache Tika's magic numbers; the client's name and type are
 * not consulted), looks inside ZIP containers (plain archives, OOXML, ODF, OFD) to classify them and to refuse
 * bombs and nested archives, and checks the result against the kind's allow-list. Nothing is written before
 * this passes.
 */
@Component
class UploadInspector {

    /** Ratios are judged only past this much inflated data: small XML parts legitimately compress very well. */
    static final long RATIO_FLOOR = 1L << 20;

    private static final String OOXML_PENDING = "application/x-tika-ooxml";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final DocumentProperties properties;

    UploadInspector(DocumentProperties properties) {
        this.properties = properties;
    }

    /** The detected media type of an accepted upload, or {@link UploadRefusedException}. */
    String inspect(DocumentKind kind, String filename, byte[] bytes) {
        if (bytes.length > properties.getMaxFileSize().toBytes()) {
            throw new UploadRefusedException(413, "document.refused.too-large", filename, "-",
                    properties.getMaxFileSize().toMegabytes());
        }
        String type = detect(bytes);
        if (isZip(bytes)) {
            type = container(filename, type, bytes);
        }
        if (!kind.allows(type)) {
            throw new UploadRefusedException(415, "document.refused.type", filename, type,
                    String.join(", ", kind.allowedTypes()));
        }
        return type;
    }

    private String detect(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
        catch (IOException e) {
            return "application/octet-stream";
        }
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /**
     * Reads every entry of a ZIP container (inflating it, so declared sizes are not trusted) within the limits,
     * refuses nested archives and macros, and answers what the container is.
     */
    private String container(String filename, String detected, byte[] bytes) {
        long maxTotal = properties.getMaxUncompressedSize().toBytes();
        int maxEntries = properties.getMaxEntries();
        long maxRatio = properties.getMaxCompressionRatio();
        Set<String> names = new HashSet<>();
        String odfType = null;
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new UploadRefusedException(422, "document.refused.entries", filename, detected, maxEntries);
                }
                String name = entry.getName();
                names.add(name);
                byte[] head = new byte[512];
                int headLength = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    total += n;
                    if (total > maxTotal) {
                        throw new UploadRefusedException(422, "document.refused.uncompressed", filename, detected,
                                properties.getMaxUncompressedSize().toMegabytes());
                    }
                    if (total > RATIO_FLOOR && total / Math.max(1, bytes.length) > maxRatio) {
                        throw new UploadRefusedException(422, "document.refused.ratio", filename, detected, maxRatio);
                    }
                }
                if (entries == 1 && name.equals("mimetype")) {
                    odfType = new String(head, 0, headLength, StandardCharsets.US_ASCII).strip();
                }
                if (!entry.isDirectory() && (isArchive(head, headLength) || hasArchiveName(name))) {
                    throw new UploadRefusedException(422, "document.refused.nested", filename, detected, name);
                }
            }
        }
        catch (ZipException e) {
            // encrypted, truncated or malformed: nothing we can vouch for
            throw new UploadRefusedException(422, "document.refused.damaged", filename, detected);
        }
        catch (IOException e) {
            throw new UploadRefusedException(422, "document.refused.damaged", filename, detected);
        }
        if (entries == 0) {
            throw new UploadRefusedException(422, "document.refused.damaged", filename, detected);
        }
        return classify(names, odfType);
    }

    private static String classify(Set<String> names, String odfType) {
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            return "application/vnd.ms-office.vbaproject";
        }
        if (odfType != null && odfType.startsWith("application/vnd.oasis.opendocument.")) {
            return odfType;
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/document.xml")) {
                return DocumentKind.Types.DOCX;
            }
            if (names.contains("xl/workbook.xml")) {
                return DocumentKind.Types.XLSX;
            }
            if (names.contains("ppt/presentation.xml")) {
                return DocumentKind.Types.PPTX;
            }
            return OOXML_PENDING;
        }
        if (names.contains("OFD.xml")) {
            return DocumentKind.Types.OFD;
        }
        return DocumentKind.Types.ZIP;
    }

    /** Magic numbers of ZIP, gzip, bzip2, xz, 7z, RAR and tar, and of OLE2 containers (embedded office files). */
    static boolean isArchive(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
            return true;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return true;
        }
        if (length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return true;
        }
        if (length >= 6 && (head[0] & 0xFF) == 0xFD && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z') {
            return true;
        }
        if (length >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xFF) == 0xBC && (head[3] & 0xFF) == 0xAF) {
            return true;
        }
        if (length >= 4 && head[0] == 'R' && head[1] == 'a' && head[2] == 'r' && head[3] == '!') {
            return true;
        }
        if (length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return true;
        }
        return length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private static boolean hasArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.matches(".*\\.(zip|jar|war|ear|gz|tgz|bz2|xz|7z|rar|tar|cab|iso)$");
    }
}
