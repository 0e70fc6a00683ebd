package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM sealing of personal data, the key ring and its rotation, the blind index and masking (issue 7.5). */
class EncryptFieldCipherTests {

    static final String K1 = "0123456789abcdef0123456789abcdef";
    static final String K2 = "fedcba9876543210fedcba9876543210";
    static final String INDEX_KEY = "00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    FieldCipher configured(String keys) {
        return new FieldCipher(keys, INDEX_KEY, dir.toString());
    }

    @Test
    void sealsUnderTheCurrentKeyAndOpensWithTheSameContext() {
        FieldCipher cipher = configured("k1:" + K1);
        String sealed = cipher.seal("expert.id_number:expert1", "22010219700101123X");
        assertThat(sealed).startsWith("sm4gcm:k1:").doesNotContain("22010219700101123X");
        assertThat(FieldCipher.keyIdOf(sealed)).isEqualTo("k1");
        assertThat(cipher.open("expert.id_number:expert1", sealed)).isEqualTo("22010219700101123X");
        // 12-byte nonce + 18 bytes + 16-byte tag
        assertThat(Base64.getDecoder().decode(sealed.substring("sm4gcm:k1:".length()))).hasSize(12 + 18 + 16);
    }

    @Test
    void aRandomNonceMakesEqualValuesLookDifferent() {
        FieldCipher cipher = configured("k1:" + K1);
        assertThat(cipher.seal("c", "13904310001")).isNotEqualTo(cipher.seal("c", "13904310001"));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        FieldCipher cipher = configured("k1:" + K1);
        String sealed = cipher.seal("expert.phone:expert1", "13904310001");
        assertThatThrownBy(() -> cipher.open("expert.phone:expert2", sealed)).isInstanceOf(IntegrityFailureException.class);
        assertThatThrownBy(() -> cipher.open("app_user.email:expert1", sealed)).isInstanceOf(IntegrityFailureException.class);
    }

    @Test
    void anAlteredCiphertextIsRefusedNotShown() {
        FieldCipher cipher = configured("k1:" + K1);
        String sealed = cipher.seal("c", "a@b.cn");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("sm4gcm:k1:".length()));
        raw[13] ^= 1;
        String altered = "sm4gcm:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open("c", altered)).isInstanceOf(IntegrityFailureException.class);
        assertThatThrownBy(() -> cipher.open("c", "sm4gcm:k1:AAAA")).isInstanceOf(IntegrityFailureException.class);
        assertThatThrownBy(() -> cipher.open("c", "sm4gcm:k1:not base64!")).isInstanceOf(IntegrityFailureException.class);
        assertThatThrownBy(() -> cipher.open("c", "a@b.cn")).isInstanceOf(IntegrityFailureException.class);
        assertThatThrownBy(() -> cipher.open("c", sealed.replace("sm4gcm:k1:", "sm4gcm:k9:")))
                .isInstanceOf(IntegrityFailureException.class);
        assertThat(cipher.seal("c", null)).isNull();
        assertThat(cipher.open("c", null)).isNull();
    }

    @Test
    void aWrongKeyDoesNotOpen() {
        String sealed = configured("k1:" + K1).seal("c", "a@b.cn");
        assertThatThrownBy(() -> configured("k1:" + K2).open("c", sealed)).isInstanceOf(IntegrityFailureException.class);
    }

    @Test
    void configuredKeysRotateByAddingTheNewKeyLast() {
        String old = configured("k1:" + K1).seal("c", "a@b.cn");
        FieldCipher rotated = configured("k1:" + K1 + ",k2:" + K2);
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.keyIds()).containsExactly("k1", "k2");
        assertThat(rotated.open("c", old)).isEqualTo("a@b.cn");
        assertThat(rotated.seal("c", "a@b.cn")).startsWith("sm4gcm:k2:");
        assertThat(rotated.keyFileBacked()).isFalse();
        assertThatThrownBy(rotated::addKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badKeyConfigurationStopsTheStart() {
        assertThatThrownBy(() -> configured("k1:0123")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> configured("k1:" + K1 + ",k1:" + K2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> configured("k1:zz" + K1.substring(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher("k1:" + K1, "abcd", dir.toString())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyFileIsGeneratedOnceAndARotationAppendsToIt() throws Exception {
        FieldCipher first = new FieldCipher("", "", dir.toString());
        Path file = dir.resolve("keys/field-keys");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).startsWith("k1 ");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        String old = first.seal("c", "13904310001");
        assertThat(first.keyFileBacked()).isTrue();
        assertThat(first.addKey()).isEqualTo("k2");
        assertThat(first.currentKeyId()).isEqualTo("k2");
        assertThat(first.open("c", old)).isEqualTo("13904310001");
        String fresh = first.seal("c", "13904310001");
        assertThat(fresh).startsWith("sm4gcm:k2:");
        // a restart reads the same ring from the file: both keys, the new one current, the same blind index key
        FieldCipher restarted = new FieldCipher("", "", dir.toString());
        assertThat(restarted.keyIds()).containsExactly("k1", "k2");
        assertThat(restarted.open("c", old)).isEqualTo("13904310001");
        assertThat(restarted.open("c", fresh)).isEqualTo("13904310001");
        assertThat(restarted.blindIndex("t.c", "x")).isEqualTo(first.blindIndex("t.c", "x"));
        assertThat(Files.list(dir.resolve("keys")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("field-keys", "blind-index.hex");
    }

    @Test
    void theBlindIndexIsKeyedDeterministicAndPerColumn() {
        FieldCipher cipher = configured("k1:" + K1);
        String index = cipher.blindIndex("expert.id_number", "22010219700101123X");
        assertThat(index).matches("[0-9a-f]{64}").isEqualTo(cipher.blindIndex("expert.id_number", "22010219700101123X"));
        assertThat(cipher.blindIndex("expert.phone", "22010219700101123X")).isNotEqualTo(index);
        // does not depend on the field key (rotation keeps the index) but on its own key
        assertThat(configured("k1:" + K2).blindIndex("expert.id_number", "22010219700101123X")).isEqualTo(index);
        assertThat(new FieldCipher("k1:" + K1, K2, dir.toString()).blindIndex("expert.id_number", "22010219700101123X"))
                .isNotEqualTo(index);
        assertThat(cipher.blindIndex("c", null)).isNull();
    }

    @Test
    void masksKeepOnlyBothEnds() {
        assertThat(FieldCipher.mask("220102197001011234", 3, 4)).isEqualTo("220***********1234");
        assertThat(FieldCipher.mask("13904310001", 3, 4)).isEqualTo("139****0001");
        assertThat(FieldCipher.mask("1234567", 3, 4)).isEqualTo("*******");
        assertThat(FieldCipher.mask("12345678", 3, 4)).isEqualTo("123*5678");
        assertThat(FieldCipher.mask(null, 3, 4)).isNull();
    }

    @Test
    void sealedValuesAreRecognisedByTheirPrefix() {
        assertThat(FieldCipher.isSealed("sm4gcm:k1:AAAA")).isTrue();
        assertThat(FieldCipher.isSealed("sm4gcm::AAAA")).isFalse();
        assertThat(FieldCipher.isSealed("a@b.cn")).isFalse();
        assertThat(FieldCipher.isSealed(null)).isFalse();
        assertThat(FieldCipher.keyIdOf("a@b.cn")).isNull();
    }
}
