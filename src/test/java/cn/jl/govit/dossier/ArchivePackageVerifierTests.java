package cn.jl.govit.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jl.govit.document.signing.Sm2;

/** The verifier on packages built in memory: intact, one byte changed, an entry removed or added, manifest edited. */
class ArchivePackageVerifierTests {

    final ArchivePackageVerifier verifier = new ArchivePackageVerifier();
    final byte[] intact = TestPackages.signed(TestPackages.sample());

    ArchivePackageVerifier.Verification verify(byte[] zip) throws IOException {
        return verifier.read(new ByteArrayInputStream(zip)).verify(TestPackages.KEY.getPublic());
    }

    @Test
    void anUnchangedPackageIsValid() throws IOException {
        ArchivePackageVerifier.Verification result = verify(intact);

        assertThat(result.valid()).isTrue();
        assertThat(result.signatureValid()).isTrue();
        assertThat(result.changed()).isEmpty();
        assertThat(result.missing()).isEmpty();
        assertThat(result.added()).isEmpty();
        assertThat(result.projectCode()).isEqualTo("JL-TEST-001");
        assertThat(result.signingIssuer()).isEqualTo("SZSJ");
    }

    @Test
    void oneByteChangedInADocumentIsReportedAsChanged() throws IOException {
        byte[] tampered = TestPackages.edit(intact, m -> {
            m.put("documents/1-feasibility.txt", TestPackages.flipByte(m.get("documents/1-feasibility.txt")));
            return m;
        });

        ArchivePackageVerifier.Verification result = verify(tampered);

        assertThat(result.valid()).isFalse();
        assertThat(result.signatureValid()).isTrue();
        assertThat(result.changed()).containsExactly("documents/1-feasibility.txt");
        assertThat(result.missing()).isEmpty();
        assertThat(result.added()).isEmpty();
    }

    @Test
    void aRemovedEntryIsReportedAsMissing() throws IOException {
        byte[] cut = TestPackages.edit(intact, m -> {
            m.remove("metadata/project.json");
            return m;
        });

        ArchivePackageVerifier.Verification result = verify(cut);

        assertThat(result.valid()).isFalse();
        assertThat(result.missing()).containsExactly("metadata/project.json");
        assertThat(result.changed()).isEmpty();
        assertThat(result.added()).isEmpty();
    }

    @Test
    void anAddedEntryIsReportedAsAdded() throws IOException {
        byte[] extended = TestPackages.edit(intact, m -> {
            m.put("documents/2-forged.txt", "forged".getBytes(StandardCharsets.UTF_8));
            return m;
        });

        ArchivePackageVerifier.Verification result = verify(extended);

        assertThat(result.valid()).isFalse();
        assertThat(result.added()).containsExactly("documents/2-forged.txt");
        assertThat(result.changed()).isEmpty();
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void anEditedManifestBreaksTheSignature() throws IOException {
        // the forger changes a document and lists its new digest: the entries agree, the signature does not
        byte[] forged = TestPackages.edit(intact, m -> {
            byte[] changed = TestPackages.flipByte(m.get("documents/1-feasibility.txt"));
            String manifest = new String(m.get("manifest.json"), StandardCharsets.UTF_8)
                    .replace(cn.jl.govit.audit.Sm3.hex(m.get("documents/1-feasibility.txt")), cn.jl.govit.audit.Sm3.hex(changed));
            m.put("documents/1-feasibility.txt", changed);
            m.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            return m;
        });

        ArchivePackageVerifier.Verification result = verify(forged);

        assertThat(result.signatureValid()).isFalse();
        assertThat(result.valid()).isFalse();
        assertThat(result.changed()).isEmpty();
    }

    @Test
    void anotherKeyOrAMissingSignatureDoesNotVerify() throws IOException {
        assertThat(verifier.read(new ByteArrayInputStream(intact)).verify(Sm2.generateKeyPair().getPublic()).valid()).isFalse();
        assertThat(verifier.read(new ByteArrayInputStream(intact)).verify(null).signatureValid()).isFalse();
        byte[] unsigned = TestPackages.edit(intact, m -> {
            m.remove("manifest.sig");
            return m;
        });
        assertThat(verify(unsigned).signatureValid()).isFalse();
        byte[] garbled = TestPackages.edit(intact, m -> {
            m.put("manifest.sig", "not base64!".getBytes(StandardCharsets.US_ASCII));
            return m;
        });
        assertThat(verify(garbled).signatureValid()).isFalse();
    }

    @Test
    void somethingThatIsNoArchivePackageIsRefusedWithItsReason() {
        assertThatThrownBy(() -> verify("plain text, not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("not-zip"));
        assertThatThrownBy(() -> verify(new byte[0]))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("not-zip"));
        assertThatThrownBy(() -> verify(TestPackages.zip(TestPackages.sample())))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("no-manifest"));
        assertThatThrownBy(() -> verify(TestPackages.zip(Map.of("manifest.json", "{oops".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("bad-manifest"));
    }

    @Test
    void pathsThatEscapeTheFolderAreRefused() {
        for (String path : new String[] {"../etc/passwd", "documents/../../x", "/abs", "a\\b", "./x"}) {
            byte[] evil = TestPackages.edit(intact, m -> {
                m.put(path, new byte[] {1});
                return m;
            });
            assertThatThrownBy(() -> verify(evil)).as(path)
                    .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                            e -> assertThat(e.reason()).isEqualTo("unsafe-path"));
        }
    }

    @Test
    void entryCountAndUncompressedSizeAreLimited() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("documents/" + i, new byte[] {(byte) i});
        }
        assertThatThrownBy(() -> new ArchivePackageVerifier(10, 1_000_000).read(new ByteArrayInputStream(TestPackages.zip(many))))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("too-many-entries"));
        // a megabyte of zeros compresses to about a kilobyte: refused by what it expands to, not by its size
        byte[] bomb = TestPackages.zip(Map.of("documents/zeros", new byte[1_000_000]));
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> new ArchivePackageVerifier(10, 100_000).read(new ByteArrayInputStream(bomb)))
                .isInstanceOfSatisfying(ArchivePackageVerifier.InvalidArchivePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo("too-large"));
        // exactly at the entry limit (three entries, manifest and signature) is accepted
        assertThat(new ArchivePackageVerifier(5, 10_000_000).read(new ByteArrayInputStream(intact)).verify(TestPackages.KEY.getPublic()).valid())
                .isTrue();
    }
}
