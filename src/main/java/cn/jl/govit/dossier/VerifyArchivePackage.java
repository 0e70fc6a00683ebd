package cn.jl.govit.dossier;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

import cn.jl.govit.document.signing.Sm2;

/**
 * Checks offline an electronic archive package against its manifest and the signer's SM2 public key:
 * <pre>java -cp govit.jar -Dloader.main=cn.jl.govit.dossier.VerifyArchivePackage \
 *     org.springframework.boot.loader.launch.PropertiesLauncher package.zip SZSJ.pem</pre>
 * where {@code SZSJ.pem} is the key of the issuer named in the manifest, as published at
 * {@code /api/v1/signing-keys/SZSJ.pem}. Prints VALID or INVALID with the changed, missing and added entries;
 * exits 0 only when valid, 1 when not (also when the file is no archive package at all), 2 when the arguments
 * or the key cannot be used.
 */
public final class VerifyArchivePackage {

    private VerifyArchivePackage() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The exit code, the report written to {@code out}; separate from {@link #main} so that tests need no exit. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: VerifyArchivePackage <package.zip> <public-key-pem-file>");
            return 2;
        }
        try {
            PublicKey key = Sm2.publicKeyFromPem(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII));
            ArchivePackageVerifier.Verification result;
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                result = new ArchivePackageVerifier().read(in).verify(key);
            }
            out.println(result.valid() ? "VALID" : "INVALID");
            out.println("project: " + result.projectCode() + " (" + result.projectId() + ")");
            out.println("signing key: " + result.signingIssuer() + " " + result.signingKeyId());
            out.println("signature valid: " + result.signatureValid());
            result.changed().forEach(p -> out.println("changed: " + p));
            result.missing().forEach(p -> out.println("missing: " + p));
            result.added().forEach(p -> out.println("added: " + p));
            return result.valid() ? 0 : 1;
        }
        catch (ArchivePackageVerifier.InvalidArchivePackageException e) {
            err.println("INVALID: " + e.getMessage());
            return 1;
        }
        catch (IllegalArgumentException e) {
            err.println("not an SM2 public key: " + args[1]);
            return 2;
        }
        catch (java.io.IOException e) {
            err.println("cannot read: " + e.getMessage());
            return 2;
        }
    }
}
