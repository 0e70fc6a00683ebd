package cn.jl.govit.audit.internal;

import java.util.HashMap;
import java.util.Map;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;

/**
 * Re-computes the chain one event at a time, in sequence order, and stops at the first event that does not hold.
 * <p>
 * An event holds when its sequence follows the one before, it names the previous event's hash, and its hash is the
 * HMAC-SM3 of that hash and its content under the key it names. Events without a key id (written with plain SM3
 * before the chain was keyed) hold only as the opening segment of the chain, and only once a keyed event follows
 * them: that event's MAC covers their head hash, so none of them can be rewritten without the key. A plain event
 * after a keyed one, or plain events at the end of the chain, are what a rewrite of the table with recomputed plain
 * hashes looks like: the first of them is reported broken.
 */
public final class ChainVerifier {

    private final ChainKeys keys;
    private final Map<String, ChainKeys.Mac> macs = new HashMap<>();
    private long count;
    private long expectedSequence = 1;
    private String previous = JdbcAuditLog.GENESIS;
    private boolean keyedSeen;
    private Long firstUncoveredPlain;
    private long countBeforeUncovered;
    private String headBeforeUncovered;
    private Long broken;

    public ChainVerifier(ChainKeys keys) {
        this.keys = keys;
    }

    /** Checks the next event; after the first broken one the rest are ignored. */
    public void accept(AuditEvent event) {
        if (broken != null) {
            return;
        }
        if (event.sequence() != expectedSequence || !previous.equals(event.previousHash())) {
            broken = event.sequence();
            return;
        }
        if (event.keyId() == null) {
            if (keyedSeen || !Sm3.chain(previous, event.canonical()).equals(event.hash())) {
                broken = event.sequence();
                return;
            }
            if (firstUncoveredPlain == null) {
                firstUncoveredPlain = event.sequence();
                countBeforeUncovered = count;
                headBeforeUncovered = previous;
            }
        }
        else {
            if (!keys.knows(event.keyId())
                    || !macs.computeIfAbsent(event.keyId(), keys::mac).chain(previous, event.canonical())
                            .equals(event.hash())) {
                broken = event.sequence();
                return;
            }
            keyedSeen = true;
            firstUncoveredPlain = null;
        }
        count++;
        expectedSequence++;
        previous = event.hash();
    }

    /** The outcome so far; plain events that no keyed event covers make the chain invalid from the first of them. */
    public ChainVerification result() {
        if (broken != null) {
            return new ChainVerification(false, count, previous, broken);
        }
        if (firstUncoveredPlain != null) {
            return new ChainVerification(false, countBeforeUncovered, headBeforeUncovered, firstUncoveredPlain);
        }
        return new ChainVerification(true, count, previous, null);
    }
}
