package cn.jl.govit.dossier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.audit.Sm3;
import cn.jl.govit.document.signing.Sm2;

/** Archive packages built in memory for the verifier tests, and ZIP surgery to tamper with them. */
final class TestPackages {

    static final KeyPair KEY = Sm2.generateKeyPair();

    private TestPackages() {
    }

    /** A correctly signed package of these entries. */
    static byte[] signed(Map<String, byte[]> content) {
        List<ArchivePackageManifest.Entry> listed = new ArrayList<>();
        content.forEach((path, bytes) -> listed.add(new ArchivePackageManifest.Entry(path, bytes.length, Sm3.hex(bytes))));
        byte[] manifest = JsonMapper.builder().build().writeValueAsBytes(new ArchivePackageManifest(
                ArchivePackageManifest.FORMAT, UUID.randomUUID(), "JL-TEST-001", Instant.parse("2026-11-27T03:00:00Z"),
                "rst", "SZSJ", "0123456789abcdef", Sm2.SIGNATURE_ALGORITHM, listed));
        Map<String, byte[]> all = new LinkedHashMap<>(content);
        all.put(ArchivePackageManifest.MANIFEST, manifest);
        all.put(ArchivePackageManifest.SIGNATURE,
                Base64.getEncoder().encodeToString(Sm2.sign(KEY.getPrivate(), manifest)).getBytes(StandardCharsets.US_ASCII));
        return zip(all);
    }

    static Map<String, byte[]> sample() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("metadata/project.json", "{\"code\":\"JL-TEST-001\"}".getBytes(StandardCharsets.UTF_8));
        m.put("documents/1-feasibility.txt", "可行性研究报告 feasibility study".getBytes(StandardCharsets.UTF_8));
        m.put("audit/events.json", "[]".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The package with its entries edited (the signature and manifest kept unless the edit touches them). */
    static byte[] edit(byte[] zip, UnaryOperator<Map<String, byte[]>> edit) {
        return zip(edit.apply(unzip(zip)));
    }

    /** A copy with one byte of the entry changed. */
    static byte[] flipByte(byte[] content) {
        byte[] copy = content.clone();
        copy[copy.length / 2] ^= 1;
        return copy;
    }
}
