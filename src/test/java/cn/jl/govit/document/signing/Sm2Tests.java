package cn.jl.govit.document.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM2 signatures, the SM4 sealing of private keys and the offline verifier. */
class Sm2Tests {

    private final KeyPair pair = Sm2.generateKeyPair();
    private final byte[] document = "关于社保卡项目可行性研究报告的批复".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesOnlyForTheSameBytesAndKey() {
        byte[] signature = Sm2.sign(pair.getPrivate(), document);
        assertThat(Sm2.verify(pair.getPublic(), document, signature)).isTrue();

        byte[] altered = document.clone();
        altered[altered.length - 1] ^= 1;
        assertThat(Sm2.verify(pair.getPublic(), altered, signature)).isFalse();
        assertThat(Sm2.verify(Sm2.generateKeyPair().getPublic(), document, signature)).isFalse();
        assertThat(Sm2.verify(pair.getPublic(), document, Arrays.copyOf(signature, 10))).isFalse();
    }

    @Test
    void thePublicKeyRoundTripsThroughPem() {
        String pem = Sm2.publicKeyPem(pair.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Sm2.publicKeyFromPem(pem).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void aSealedPrivateKeyOpensOnlyWithItsKeyEncryptionKey() {
        byte[] kek = new byte[16];
        kek[0] = 7;
        byte[] sealed = Sm2.encrypt(kek, pair.getPrivate().getEncoded());
        assertThat(sealed).isNotEqualTo(pair.getPrivate().getEncoded());
        byte[] opened = Sm2.decrypt(kek, sealed);
        assertThat(Sm2.privateKey(opened).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

        byte[] wrong = kek.clone();
        wrong[15] = 1;
        assertThatThrownBy(() -> Sm2.decrypt(wrong, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCommandLineVerifierTellsValidFromAltered(@TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("reply.pdf"), document);
        Path sig = Files.writeString(dir.resolve("reply.sig"),
                Base64.getEncoder().encodeToString(Sm2.sign(pair.getPrivate(), document)));
        Path pem = Files.writeString(dir.resolve("SZSJ.pem"), Sm2.publicKeyPem(pair.getPublic()));
        assertThat(VerifySignature.check(pdf, sig, pem)).isTrue();

        Files.write(pdf, "篡改后的内容".getBytes(StandardCharsets.UTF_8));
        assertThat(VerifySignature.check(pdf, sig, pem)).isFalse();
        Files.writeString(sig, "not base64 !");
        assertThat(VerifySignature.check(pdf, sig, pem)).isFalse();
    }
}
