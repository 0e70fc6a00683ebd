package cn.jl.govit.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.jl.govit.document.signing.Sm2;

/** The command-line verifier on files: exit 0 and VALID for an intact package, 1 and the findings otherwise. */
class VerifyArchivePackageTests {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return VerifyArchivePackage.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path key() throws IOException {
        return Files.writeString(dir.resolve("SZSJ.pem"), Sm2.publicKeyPem(TestPackages.KEY.getPublic()));
    }

    @Test
    void anIntactPackageExitsZero() throws IOException {
        Path zip = Files.write(dir.resolve("package.zip"), TestPackages.signed(TestPackages.sample()));

        assertThat(run(zip.toString(), key().toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID").contains("JL-TEST-001")
                .contains("signature valid: true");
    }

    @Test
    void aTamperedPackageExitsOneNamingTheEntries() throws IOException {
        byte[] tampered = TestPackages.edit(TestPackages.signed(TestPackages.sample()), m -> {
            m.put("documents/1-feasibility.txt", TestPackages.flipByte(m.get("documents/1-feasibility.txt")));
            m.remove("audit/events.json");
            m.put("documents/extra.txt", new byte[] {42});
            return m;
        });
        Path zip = Files.write(dir.resolve("package.zip"), tampered);

        assertThat(run(zip.toString(), key().toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID")
                .contains("changed: documents/1-feasibility.txt")
                .contains("missing: audit/events.json")
                .contains("added: documents/extra.txt");
    }

    @Test
    void anotherKeyExitsOne() throws IOException {
        Path zip = Files.write(dir.resolve("package.zip"), TestPackages.signed(TestPackages.sample()));
        Path other = Files.writeString(dir.resolve("other.pem"), Sm2.publicKeyPem(Sm2.generateKeyPair().getPublic()));

        assertThat(run(zip.toString(), other.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("signature valid: false");
    }

    @Test
    void noArchivePackageExitsOneAndWrongArgumentsTwo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a zip");

        assertThat(run(text.toString(), key().toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not-zip");
        assertThat(run(text.toString())).isEqualTo(2);
        assertThat(run(text.toString(), text.toString())).isEqualTo(2);
        assertThat(run(dir.resolve("absent.zip").toString(), key().toString())).isEqualTo(2);
    }
}
