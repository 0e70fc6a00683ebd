package cn.jl.govit.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds ZIP containers for the upload tests: office documents, archives, bombs. */
final class Archives {

    private Archives() {
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    // ODF: the first entry, stored uncompressed
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameAndContent) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Object content = nameAndContent[i + 1];
            map.put((String) nameAndContent[i], content instanceof byte[] b ? b
                    : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return map;
    }

    static byte[] docx(Object... more) {
        Map<String, byte[]> entries = entries("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document/>");
        entries.putAll(entries(more));
        return zip(entries);
    }

    static byte[] xlsx() {
        return zip(entries("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));
    }

    static byte[] odt() {
        return zip(entries("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>"));
    }

    static byte[] plainZip() {
        return zip(entries("readme.txt", "交付清单", "src/Main.java", "class Main {}"));
    }

    /** One entry of {@code megabytes} zero bytes: compresses about a thousand to one. */
    static byte[] bomb(String name, int megabytes) {
        return zip(entries(name, new byte[megabytes * 1024 * 1024]));
    }

    /** An OOXML document whose main part inflates from a few kilobytes to {@code megabytes}. */
    static byte[] ooxmlBomb(int megabytes) {
        byte[] part = new byte[megabytes * 1024 * 1024];
        java.util.Arrays.fill(part, (byte) ' ');
        return zip(entries("[Content_Types].xml", "<Types/>", "word/document.xml", part));
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.US_ASCII);
}
