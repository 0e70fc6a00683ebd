package cn.jl.govit.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;

/**
 * Verifies one run of consecutive rows of the chain (a range of sequences), independently of the runs before it, so
 * that runs can be checked on several cores; {@link #merge} then gives exactly what {@link ChainVerifier} gives for
 * the whole chain read in order.
 * <p>
 * Why that works: every row stores its predecessor's hash, so its MAC is checked from the row alone; what depends on
 * the rows before is only (a) that it follows its predecessor (sequence + 1, previous hash = predecessor's hash),
 * checked here for every row but the run's first, whose predecessor is the previous run's last row (the seam,
 * checked in {@link #merge}), and (b) that a plain SM3 row comes before every keyed one, checked here within the run
 * and in {@link #merge} against the runs before. The chain's first broken row is the first row, in order, for which
 * one of these fails; a run stops at its own first failure.
 * <p>
 * A row is compared on its bytes as the database sent them (see {@link MacInput}); a row whose bytes do not match is
 * decoded and checked once more through {@link AuditEvent#canonical()}, so that it is reported broken only when the
 * row-by-row verifier would report it. Not thread-safe: one per run.
 */
public final class ChainSegment {

    private final ChainKeys keys;
    private final MacInput input = new MacInput();
    private final SM3Digest sm3 = new SM3Digest();
    private final byte[] digest = new byte[32];
    private final byte[] digestHex = new byte[64];
    private final Map<String, HMac> macs = new HashMap<>();
    private byte[] lastKeyId = new byte[0];
    private HMac lastMac;
    private boolean lastKnown;

    // what the merge needs
    private long rows;
    private long firstSequence;
    private byte[] firstPreviousHash;
    private boolean keyedSeen;
    private long firstPlainIndex = -1;
    private long firstPlainSequence;
    private byte[] beforeFirstPlain;
    private long brokenIndex = -1;
    private long brokenSequence;
    private byte[] beforeBroken;
    private long lastSequence;
    private byte[] lastHash = new byte[64];
    private int lastHashLength = -1;
    private boolean allPlain = true;

    // statistics for the benchmark: rows whose bytes were checked again the slow way
    private long slowChecks;

    public ChainSegment(ChainKeys keys) {
        this.keys = keys;
    }

    /** Whether this run already has its first broken row: the rest of it does not matter. */
    public boolean broken() {
        return brokenIndex >= 0;
    }

    /** Checks the next row of the run; ignored once the run is broken. */
    public void accept(RawEvent e) {
        if (brokenIndex >= 0) {
            return;
        }
        long index = rows;
        boolean plain = e.isNull(RawEvent.KEY_ID);
        if (index == 0) {
            firstSequence = e.sequence;
            firstPreviousHash = copy(e, RawEvent.PREVIOUS_HASH);
        }
        else if (e.sequence != lastSequence + 1 || !sameAsLastHash(e, RawEvent.PREVIOUS_HASH)) {
            broken(index, e.sequence);
            return;
        }
        if (plain) {
            if (firstPlainIndex < 0) {
                firstPlainIndex = index;
                firstPlainSequence = e.sequence;
                beforeFirstPlain = index == 0 ? null : Arrays.copyOf(lastHash, lastHashLength);
            }
            if (keyedSeen || !plainHolds(e)) {
                broken(index, e.sequence);
                return;
            }
        }
        else {
            if (!keyedHolds(e)) {
                broken(index, e.sequence);
                return;
            }
            keyedSeen = true;
            allPlain = false;
        }
        rows++;
        lastSequence = e.sequence;
        int hashLength = Math.max(e.length[RawEvent.HASH], 0);
        if (lastHash.length < hashLength) {
            lastHash = new byte[hashLength];
        }
        System.arraycopy(e.buffer, e.offset[RawEvent.HASH], lastHash, 0, hashLength);
        lastHashLength = e.length[RawEvent.HASH];
    }

    private void broken(long index, long sequence) {
        brokenIndex = index;
        brokenSequence = sequence;
        beforeBroken = index == 0 ? null : Arrays.copyOf(lastHash, Math.max(lastHashLength, 0));
        if (index > 0 && lastHashLength < 0) {
            beforeBroken = null;
        }
    }

    private boolean sameAsLastHash(RawEvent e, int field) {
        int length = e.length[field];
        if (length != lastHashLength) {
            return false;
        }
        return length < 0 || Arrays.equals(e.buffer, e.offset[field], e.offset[field] + length, lastHash, 0, length);
    }

    private boolean plainHolds(RawEvent e) {
        input.write(e, false);
        sm3.update(input.bytes(), 0, input.size());
        sm3.doFinal(digest, 0);
        if (matches(e)) {
            return true;
        }
        AuditEvent event = e.toEvent();
        return confirm(Sm3.chain(event.previousHash(), event.canonical()).equals(event.hash()));
    }

    private boolean keyedHolds(RawEvent e) {
        HMac mac = mac(e);
        if (mac == null) {
            return false;
        }
        input.write(e, true);
        mac.update(input.bytes(), 0, input.size());
        mac.doFinal(digest, 0);
        if (matches(e)) {
            return true;
        }
        AuditEvent event = e.toEvent();
        return confirm(keys.mac(event.keyId()).chain(event.previousHash(), event.canonical()).equals(event.hash()));
    }

    /** A slow check that disagrees with the fast one would be a defect of {@link MacInput}: the slow one decides. */
    private boolean confirm(boolean holds) {
        slowChecks++;
        return holds;
    }

    private boolean matches(RawEvent e) {
        if (e.length[RawEvent.HASH] != 64) {
            return false;
        }
        MacInput.hexInto(digest, 32, digestHex);
        int at = e.offset[RawEvent.HASH];
        return Arrays.equals(digestHex, 0, 64, e.buffer, at, at + 64);
    }

    private HMac mac(RawEvent e) {
        int at = e.offset[RawEvent.KEY_ID];
        int length = e.length[RawEvent.KEY_ID];
        if (length == lastKeyId.length && Arrays.equals(lastKeyId, 0, length, e.buffer, at, at + length)) {
            return lastKnown ? lastMac : null;
        }
        lastKeyId = Arrays.copyOfRange(e.buffer, at, at + length);
        String keyId = new String(lastKeyId, StandardCharsets.UTF_8);
        lastKnown = keys.knows(keyId);
        lastMac = lastKnown ? macs.computeIfAbsent(keyId, id -> {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(keys.key(id)));
            return mac;
        }) : null;
        return lastMac;
    }

    private static byte[] copy(RawEvent e, int field) {
        return e.length[field] < 0 ? null
                : Arrays.copyOfRange(e.buffer, e.offset[field], e.offset[field] + e.length[field]);
    }

    long slowChecks() {
        return slowChecks;
    }

    /**
     * The whole chain's verification from its runs in sequence order (empty runs allowed): the first row, in order,
     * that breaks within its run, at a seam, or as a plain row after a keyed one in an earlier run.
     */
    public static ChainVerification merge(List<ChainSegment> runs) {
        long before = 0; // rows of the runs before, all of them valid
        boolean keyed = false;
        boolean anyRow = false;
        boolean allPlain = true;
        long firstSequence = 0;
        String head = JdbcAuditLog.GENESIS;
        byte[] previousHash = JdbcAuditLog.GENESIS.getBytes(StandardCharsets.US_ASCII);
        long expectedSequence = 1;
        for (ChainSegment run : runs) {
            boolean hasRows = run.rows > 0 || run.brokenIndex >= 0;
            if (!hasRows) {
                continue;
            }
            if (!anyRow) {
                firstSequence = run.firstSequence;
            }
            anyRow = true;
            // the seam: the run's first row follows the last row of the runs before (or opens the chain)
            if (run.firstSequence != expectedSequence || !Arrays.equals(previousHash, run.firstPreviousHash)) {
                return new ChainVerification(false, before, head, run.firstSequence);
            }
            // a plain row after a keyed one of an earlier run; the run itself found those after its own keyed rows
            if (keyed && run.firstPlainIndex >= 0 && (run.brokenIndex < 0 || run.firstPlainIndex <= run.brokenIndex)) {
                return new ChainVerification(false, before + run.firstPlainIndex,
                        run.firstPlainIndex == 0 ? head : text(run.beforeFirstPlain), run.firstPlainSequence);
            }
            if (run.brokenIndex >= 0) {
                return new ChainVerification(false, before + run.brokenIndex,
                        run.brokenIndex == 0 ? head : text(run.beforeBroken), run.brokenSequence);
            }
            before += run.rows;
            keyed |= run.keyedSeen;
            allPlain &= run.allPlain;
            expectedSequence = run.lastSequence + 1;
            previousHash = Arrays.copyOf(run.lastHash, Math.max(run.lastHashLength, 0));
            head = run.lastHashLength < 0 ? null : text(previousHash);
        }
        if (anyRow && allPlain) {
            // plain rows that no keyed row covers: invalid from the first of them (see ChainVerifier)
            return new ChainVerification(false, 0, JdbcAuditLog.GENESIS, firstSequence);
        }
        return new ChainVerification(true, before, head, null);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
