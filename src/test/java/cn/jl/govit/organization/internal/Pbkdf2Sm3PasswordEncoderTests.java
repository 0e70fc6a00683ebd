package cn.jl.govit.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SM3 password hashes: {@code iterations$salt$hash}. */
class Pbkdf2Sm3PasswordEncoderTests {

    private final Pbkdf2Sm3PasswordEncoder encoder = new Pbkdf2Sm3PasswordEncoder(1000);

    @Test
    void aPasswordMatchesItsOwnHash() {
        String hash = encoder.encode("Demo@2026");

        assertThat(hash).matches("1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(encoder.matches("Demo@2026", hash)).isTrue();
    }

    @Test
    void chineseAndSymbolsRoundTrip() {
        String password = "吉林省政务@2026";

        assertThat(encoder.matches(password, encoder.encode(password))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = encoder.encode("Demo@2026");

        assertThat(encoder.matches("Demo@2027", hash)).isFalse();
        assertThat(encoder.matches("demo@2026", hash)).isFalse();
        assertThat(encoder.matches("", hash)).isFalse();
        assertThat(encoder.matches(null, hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(encoder.encode("Demo@2026")).isNotEqualTo(encoder.encode("Demo@2026"));
    }

    @Test
    void aHashOfOtherIterationsStillMatches() {
        String hash = new Pbkdf2Sm3PasswordEncoder(2000).encode("Demo@2026");

        assertThat(hash).startsWith("2000$");
        assertThat(encoder.matches("Demo@2026", hash)).isTrue();
    }

    @Test
    void malformedHashesNeverMatch() {
        for (String hash : new String[] {null, "", "abc", "1000$abc", "x$abc$def", "1000$!!$!!", "999$AAAA$AAAA",
                "1000$AAAA$AAAA$AAAA"}) {
            assertThat(encoder.matches("Demo@2026", hash)).as(String.valueOf(hash)).isFalse();
        }
    }

    @Test
    void upgradesHashesOfOtherIterationsOrShapes() {
        assertThat(encoder.upgradeEncoding(encoder.encode("Demo@2026"))).isFalse();
        assertThat(encoder.upgradeEncoding(new Pbkdf2Sm3PasswordEncoder(2000).encode("Demo@2026"))).isTrue();
        assertThat(encoder.upgradeEncoding("$2a$10$abcdefghijklmnopqrstuv")).isTrue();
        assertThat(encoder.upgradeEncoding(null)).isTrue();
    }

    @Test
    void refusesTooFewIterations() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2Sm3PasswordEncoder(999));
    }
}
