package cn.jl.govit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** SM3 (GB/T 32905-2016) against the standard's own examples. */
class Sm3Tests {

    /** GB/T 32905-2016 Appendix A.1: 66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0. */
    @Test
    void digestOfAbcIsTheStandardsFirstExample() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void digestOfSixtyFourBytesIsTheStandardsSecondExample() {
        assertThat(Sm3.hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void textIsDigestedAsUtf8() {
        assertThat(Sm3.hex("审计")).isEqualTo(Sm3.hex("审计".getBytes(StandardCharsets.UTF_8)));
        assertThat(Sm3.hex("")).hasSize(64).isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
    }

    @Test
    void theChainStepDigestsThePreviousHashFollowedByTheEvent() {
        String previous = "0".repeat(64);

        assertThat(Sm3.chain(previous, "event")).isEqualTo(Sm3.hex(previous + "event"));
        assertThat(Sm3.chain(previous, "event")).isNotEqualTo(Sm3.chain(Sm3.hex("x"), "event"));
    }

    @Test
    void theCanonicalFormSeparatesFieldsUnambiguously() {
        var a = new AuditEvent(1, java.time.Instant.EPOCH, "a|b", null, "X", "T", "1", null, "s", "p", "h", null);
        var b = new AuditEvent(1, java.time.Instant.EPOCH, "a", "b", "X", "T", "1", null, "s", "p", "h", null);
        var empty = new AuditEvent(1, java.time.Instant.EPOCH, "a", "", "X", "T", "1", null, "s", "p", "h", null);
        var missing = new AuditEvent(1, java.time.Instant.EPOCH, "a", null, "X", "T", "1", null, "s", "p", "h", null);

        assertThat(a.canonical()).isNotEqualTo(b.canonical());
        assertThat(empty.canonical()).isNotEqualTo(missing.canonical());
        assertThat(a.canonical()).doesNotContain("h").contains("3:a|b|");
    }
}
