package cn.jl.govit.document.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Checks offline that a downloaded document carries its issuer's SM2 signature:
 * <pre>java -cp govit.jar -Dloader.main=cn.jl.govit.document.signing.VerifySignature \
 *     org.springframework.boot.loader.launch.PropertiesLauncher reply.pdf reply.sig SZSJ.pem</pre>
 * where {@code reply.sig} holds the Base64 signature and {@code SZSJ.pem} the issuer's public key as
 * published at {@code /api/v1/signing-keys/SZSJ}. Prints VALID or INVALID; exits 0 only when valid.
 */
public final class VerifySignature {

    private VerifySignature() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: VerifySignature <document> <signature-base64-file> <public-key-pem-file>");
            System.exit(2);
        }
        boolean valid = check(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.println(valid ? "VALID" : "INVALID");
        System.exit(valid ? 0 : 1);
    }

    static boolean check(Path document, Path signatureFile, Path publicKeyFile) throws java.io.IOException {
        byte[] data = Files.readAllBytes(document);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(Files.readString(signatureFile, StandardCharsets.US_ASCII).strip());
        }
        catch (IllegalArgumentException e) {
            return false;
        }
        return Sm2.verify(Sm2.publicKeyFromPem(Files.readString(publicKeyFile, StandardCharsets.US_ASCII)), data, signature);
    }
}
