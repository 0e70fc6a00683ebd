package cn.jl.govit.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;

/** The keyed chain's verification on in-memory chains: plain segment, checkpoint, rotation, forgeries. */
class ChainVerifierTests {

    private static final byte[] K1 = new byte[32];
    private static final byte[] K2 = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            K1[i] = (byte) i;
            K2[i] = (byte) (100 + i);
        }
    }

    private final ChainKeys ring = new ChainKeys(keys("k1", K1, "k2", K2));

    @Test
    void aKeyedChainVerifies() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, "k1", "A");
        append(chain, "k1", "B");
        append(chain, "k2", "C");

        ChainVerification result = verify(chain, ring);

        assertThat(result.valid()).isTrue();
        assertThat(result.count()).isEqualTo(3);
        assertThat(result.head()).isEqualTo(chain.get(2).hash());
        assertThat(result.firstBrokenSequence()).isNull();
    }

    @Test
    void aPlainSegmentCoveredByAKeyedCheckpointVerifies() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, null, "old 1");
        append(chain, null, "old 2");
        append(chain, "k1", "AUDIT_CHAIN_KEYED");
        append(chain, "k1", "new");

        assertThat(verify(chain, ring)).isEqualTo(new ChainVerification(true, 4, chain.get(3).hash(), null));
    }

    @Test
    void plainEventsThatNoKeyedEventCoversAreBrokenFromTheFirst() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, null, "old 1");
        append(chain, null, "old 2");

        ChainVerification result = verify(chain, ring);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(1);
        assertThat(result.count()).isZero();
    }

    @Test
    void aPlainEventAfterAKeyedOneIsBroken() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, "k1", "A");
        append(chain, null, "forged with plain SM3");
        append(chain, "k1", "C");

        ChainVerification result = verify(chain, ring);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2);
        assertThat(result.count()).isEqualTo(1);
        assertThat(result.head()).isEqualTo(chain.get(0).hash());
    }

    @Test
    void rewritingAnEventAndRecomputingThePlainHashesIsDetectedAtThatEvent() {
        List<AuditEvent> chain = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            append(chain, "k1", "event " + i);
        }
        // what someone with write access to the table but not the key can do: change event 3, re-chain with SM3
        List<AuditEvent> forged = new ArrayList<>(chain.subList(0, 2));
        for (int i = 2; i < 5; i++) {
            AuditEvent e = chain.get(i);
            String previous = forged.get(i - 1).hash();
            AuditEvent changed = event(e.sequence(), i == 2 ? "event 3 (altered)" : e.summary(), previous, null, "k1");
            forged.add(event(e.sequence(), changed.summary(), previous, Sm3.chain(previous, changed.canonical()), "k1"));
        }

        ChainVerification result = verify(forged, ring);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
        assertThat(result.count()).isEqualTo(2);
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotVerify() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, "k1", "A");
        byte[] other = K1.clone();
        other[0] ^= 1;

        ChainVerification result = verify(chain, new ChainKeys(keys("k1", other, "k2", K2)));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void anEventUnderAnUnknownKeyIsBroken() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, "k1", "A");
        append(chain, "k2", "B");

        ChainVerification result = verify(chain, new ChainKeys(keys("k1", K1, null, null)));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void movingAnEventToAnotherKeyIdBreaksIt() {
        List<AuditEvent> chain = new ArrayList<>();
        append(chain, "k1", "A");
        AuditEvent e = chain.get(0);
        chain.set(0, event(1, e.summary(), e.previousHash(), e.hash(), "k2"));

        assertThat(verify(chain, ring).firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void keysAreParsedFromLinesOrConfiguration() {
        assertThat(ChainKeys.parse("k1 " + "ab".repeat(32) + "\nk2 " + "cd".repeat(16) + "\n")).containsOnlyKeys("k1", "k2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKeys.parse("k1 abcd"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 hex digits");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKeys.parse("k1 zz"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new ChainKeys(ChainKeys.parse("k1 " + "ab".repeat(32) + "\nk2 " + "cd".repeat(16))).currentId())
                .isEqualTo("k2");
    }

    private static ChainVerification verify(List<AuditEvent> chain, ChainKeys keys) {
        ChainVerifier verifier = new ChainVerifier(keys);
        chain.forEach(verifier::accept);
        return verifier.result();
    }

    private void append(List<AuditEvent> chain, String keyId, String summary) {
        long sequence = chain.size() + 1;
        String previous = chain.isEmpty() ? JdbcAuditLog.GENESIS : chain.get(chain.size() - 1).hash();
        AuditEvent unsigned = event(sequence, summary, previous, null, keyId);
        String hash = keyId == null ? Sm3.chain(previous, unsigned.canonical())
                : ring.mac(keyId).chain(previous, unsigned.canonical());
        chain.add(event(sequence, summary, previous, hash, keyId));
    }

    private static AuditEvent event(long sequence, String summary, String previous, String hash, String keyId) {
        return new AuditEvent(sequence, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence), "rst", "RST",
                "TEST", "Test", String.valueOf(sequence), null, summary, previous, hash, keyId);
    }

    private static Map<String, byte[]> keys(String id1, byte[] k1, String id2, byte[] k2) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(id1, k1);
        if (id2 != null) {
            keys.put(id2, k2);
        }
        return keys;
    }
}
