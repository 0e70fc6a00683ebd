package cn.jl.govit.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.audit.AuditEvent;

/**
 * The fast verifier hashes bytes it writes itself ({@link MacInput}); they must be exactly the UTF-8 bytes of the
 * Strings that {@link ChainKeys.Mac#chain} and {@link cn.jl.govit.audit.Sm3#chain} hash, or a valid chain would
 * verify as broken (and a rewritten one could verify).
 */
class CanonicalBytesTests {

    private final ChainKeys keys = AuditChains.ring();

    @Test
    void randomEventsGiveTheBytesOfTheirCanonicalForm() {
        Random random = new Random(8_2026);
        MacInput input = new MacInput();
        for (int i = 0; i < 5_000; i++) {
            String keyId = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "k1" : AuditChains.text(random, 4);
            AuditEvent e = AuditChains.event(random, random.nextInt(5) == 0 ? random.nextLong() : i + 1,
                    random.nextInt(10) == 0 ? AuditChains.text(random, 70) : hex(random), keyId, true);
            assertSameBytes(input, e);
        }
    }

    @Test
    void emptyNullAndAwkwardFieldsGiveTheirCanonicalBytes() {
        MacInput input = new MacInput();
        String awkward = "\t\n\r\\|:-1 政务😀𠀀é";
        String lone = "a\uD83Db\uDE00"; // unpaired surrogates: '?' in UTF-8, one unit each in String.length()
        Instant at = Instant.parse("2026-11-27T13:00:00Z");
        for (String text : List.of("", awkward, lone, "x".repeat(2000), "政".repeat(2000))) {
            assertSameBytes(input, new AuditEvent(1, at, text, text, text, text, text, null, text, hex(new Random(1)),
                    null, "k2"));
            assertSameBytes(input, new AuditEvent(2, at, text, null, text, text, null, UUID.randomUUID(), text,
                    AuditChains.GENESIS, null, null));
        }
        assertSameBytes(input, new AuditEvent(3, null, null, null, null, null, null, null, null, null, null, "k1"));
    }

    @Test
    void timeStampsAndSequencesAreWrittenAsInstantAndLongWriteThem() {
        MacInput input = new MacInput();
        List<String> instants = List.of("2000-01-01T00:00:00Z", "1999-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000001Z", "1000-01-01T00:00:00.100Z", "0999-12-31T23:59:59.120Z",
                "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z", "2024-02-29T12:34:56.000100Z",
                "2026-08-31T16:00:00.123Z", "2026-08-31T16:00:00.123400Z", "2026-08-31T16:00:00.000001Z");
        long[] sequences = {0, 1, 9, 10, 99, 100, 999_999_999, 10_000_000_000L, -1, -10, Long.MAX_VALUE,
                Long.MIN_VALUE + 1};
        for (String text : instants) {
            Instant at = Instant.parse(text);
            assertThat(at.toString()).isEqualTo(text);
            for (long sequence : sequences) {
                assertSameBytes(input, new AuditEvent(sequence, at, "rst", "RST", "A", "T", "1", null, "s",
                        AuditChains.GENESIS, null, "k1"));
            }
        }
    }

    @Test
    void utf16LengthIsStringLength() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            String text = AuditChains.text(random, 60);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(MacInput.utf16Length(bytes, 0, bytes.length)).isEqualTo(text.length());
        }
        assertThat(MacInput.decimalLength(Long.MIN_VALUE)).isEqualTo(Long.toString(Long.MIN_VALUE).length());
    }

    @Test
    void theFastCheckAcceptsRandomChainsWithoutFallingBackToTheSlowOne() {
        List<AuditEvent> chain = AuditChains.chain(new Random(42), 300, 3_000, keys);
        ChainSegment segment = new ChainSegment(keys);
        chain.forEach(e -> segment.accept(RawEvent.of(e)));

        assertThat(ChainSegment.merge(List.of(segment)).valid()).isTrue();
        assertThat(segment.slowChecks()).as("every row matched on its bytes").isZero();
    }

    private void assertSameBytes(MacInput input, AuditEvent e) {
        RawEvent raw = RawEvent.of(e);
        String previous = String.valueOf(e.previousHash());
        input.write(raw, false);
        assertThat(input.copy()).as("plain input of %s", e)
                .isEqualTo((previous + e.canonical()).getBytes(StandardCharsets.UTF_8));
        if (e.keyId() != null) {
            input.write(raw, true);
            assertThat(input.copy()).as("keyed input of %s", e).isEqualTo(
                    (previous + e.canonical() + e.keyId().length() + ":" + e.keyId() + "|").getBytes(StandardCharsets.UTF_8));
        }
        if (e.keyId() != null && keys.knows(e.keyId()) && e.previousHash() != null) {
            AuditEvent hashed = AuditChains.hashed(e, keys);
            ChainSegment segment = new ChainSegment(keys);
            segment.accept(RawEvent.of(hashed));
            assertThat(segment.broken()).as("the MAC of %s", hashed).isFalse();
            assertThat(segment.slowChecks()).isZero();
        }
    }

    private static String hex(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            s.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return s.toString();
    }
}
