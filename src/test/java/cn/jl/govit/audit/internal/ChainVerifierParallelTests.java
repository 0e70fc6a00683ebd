package cn.jl.govit.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;

/**
 * The fast verifier (rows checked on their bytes, in runs merged at the seams) gives exactly what the row-by-row
 * {@link ChainVerifier} gives: first broken sequence, count, head, uncovered plain segments, on valid chains and on
 * chains broken at the first, a middle, a seam and the last event, for every way of cutting the chain into runs.
 */
class ChainVerifierParallelTests {

    private final ChainKeys keys = AuditChains.ring();
    private final Random random = new Random(20261127);

    @Test
    void validChainsVerifyAsTheRowByRowVerifierSays() {
        assertAgrees(List.of());
        assertAgrees(AuditChains.chain(random, 0, 40, keys)); // keyed from the start, k1 then k2
        assertAgrees(AuditChains.chain(random, 10, 30, keys)); // plain opening segment, then keyed
        assertAgrees(AuditChains.chain(random, 12, 0, keys)); // plain only: uncovered, broken from event 1
        assertAgrees(AuditChains.chain(random, 1, 1, keys));
    }

    @Test
    void aChangedEventIsTheFirstBrokenWhereverItIs() {
        List<AuditEvent> chain = AuditChains.chain(random, 5, 35, keys);
        for (int at : new int[] {0, 1, 4, 5, 6, 19, 20, 21, 38, 39}) {
            List<AuditEvent> forged = new ArrayList<>(chain);
            forged.set(at, AuditChains.withSummary(chain.get(at), chain.get(at).summary() + "x"));
            assertThat(assertAgrees(forged).firstBrokenSequence()).isEqualTo(at + 1L);
        }
    }

    @Test
    void rewritingFromAnEventWithRecomputedPlainHashesIsDetectedThere() {
        List<AuditEvent> chain = AuditChains.chain(random, 6, 30, keys);
        for (int from : new int[] {0, 3, 6, 7, 17, 35}) {
            List<AuditEvent> forged = new ArrayList<>(chain.subList(0, from));
            for (int i = from; i < chain.size(); i++) {
                String previous = i == 0 ? AuditChains.GENESIS : forged.get(i - 1).hash();
                AuditEvent changed = AuditChains.with(AuditChains.withSummary(chain.get(i), "rewritten " + i), previous,
                        null, null);
                forged.add(AuditChains.with(changed, previous, Sm3.chain(previous, changed.canonical()), null));
            }
            ChainVerification result = assertAgrees(forged);
            assertThat(result.valid()).isFalse();
        }
    }

    @Test
    void brokenLinksGapsUnknownKeysAndPlainAfterKeyedAgree() {
        List<AuditEvent> chain = AuditChains.chain(random, 4, 20, keys);
        // a removed event: a gap in the sequence and a broken link
        for (int at : new int[] {0, 3, 4, 10, 23}) {
            List<AuditEvent> removed = new ArrayList<>(chain);
            removed.remove(at);
            assertAgrees(removed);
        }
        // an event moved to a key the ring does not know, or to the other key
        assertAgrees(mutate(chain, 12, e -> AuditChains.with(e, e.previousHash(), e.hash(), "k9")));
        assertAgrees(mutate(chain, 12, e -> AuditChains.with(e, e.previousHash(), e.hash(), "k2")));
        // a keyed event re-hashed as a plain one, after keyed events, and at the very end
        for (int at : new int[] {5, 13, 23}) {
            assertAgrees(mutate(chain, at, e -> {
                AuditEvent plain = AuditChains.with(e, e.previousHash(), null, null);
                return AuditChains.hashed(plain, keys);
            }));
        }
        // a wrong previous hash, a wrong first previous hash, a hash in capitals, a null hash, the last event
        assertAgrees(mutate(chain, 9, e -> AuditChains.with(e, chain.get(2).hash(), e.hash(), e.keyId())));
        assertAgrees(mutate(chain, 0, e -> AuditChains.with(e, "1".repeat(64), e.hash(), e.keyId())));
        assertAgrees(mutate(chain, 15, e -> AuditChains.with(e, e.previousHash(), e.hash().toUpperCase(), e.keyId())));
        assertAgrees(mutate(chain, 23, e -> AuditChains.with(e, e.previousHash(), null, e.keyId())));
        // a chain that does not start at 1
        assertAgrees(chain.subList(1, chain.size()));
    }

    @Test
    void aChainOfTwoKeysAndAPlainOpeningVerifiesThroughTheCopyFormat() throws IOException {
        List<AuditEvent> chain = AuditChains.chain(random, 50, 400, keys);
        byte[] copy = AuditChains.copyBinary(chain);
        for (int chunk : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
            ChainSegment segment = new ChainSegment(keys);
            List<AuditEvent> read = new ArrayList<>();
            long rows = new CopyRows(trickle(copy, chunk)).readAll(row -> {
                read.add(row.toEvent());
                segment.accept(row);
                return true;
            });
            assertThat(rows).isEqualTo(chain.size());
            assertThat(read).as("read back in chunks of %d bytes", chunk).isEqualTo(chain);
            assertThat(ChainSegment.merge(List.of(segment))).isEqualTo(rowByRow(chain));
            assertThat(segment.slowChecks()).isZero();
        }
    }

    @Test
    void aSinkCanStopTheReading() throws IOException {
        byte[] copy = AuditChains.copyBinary(AuditChains.chain(random, 0, 30, keys));
        long[] seen = new long[1];
        long rows = new CopyRows(new ByteArrayInputStream(copy)).readAll(row -> ++seen[0] < 10);
        assertThat(rows).isEqualTo(10);
    }

    private List<AuditEvent> mutate(List<AuditEvent> chain, int at, UnaryOperator<AuditEvent> change) {
        List<AuditEvent> copy = new ArrayList<>(chain);
        copy.set(at, change.apply(chain.get(at)));
        return copy;
    }

    /** Checks every cut of the chain into two runs, three runs at random, single-row runs and empty runs. */
    private ChainVerification assertAgrees(List<AuditEvent> chain) {
        ChainVerification expected = rowByRow(chain);
        assertThat(runs(chain, new int[] {})).as("one run").isEqualTo(expected);
        for (int cut = 0; cut <= chain.size(); cut++) {
            assertThat(runs(chain, new int[] {cut})).as("cut at %d", cut).isEqualTo(expected);
        }
        for (int i = 0; i < 20 && chain.size() > 1; i++) {
            int a = random.nextInt(chain.size() + 1);
            int b = a + random.nextInt(chain.size() - a + 1);
            assertThat(runs(chain, new int[] {a, a, b})).as("cuts at %d, %d", a, b).isEqualTo(expected);
        }
        int[] everyRow = new int[chain.size()];
        for (int i = 0; i < everyRow.length; i++) {
            everyRow[i] = i;
        }
        assertThat(runs(chain, everyRow)).as("a run per row").isEqualTo(expected);
        return expected;
    }

    private ChainVerification runs(List<AuditEvent> chain, int[] cuts) {
        List<ChainSegment> runs = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : chain.size();
            ChainSegment run = new ChainSegment(keys);
            for (AuditEvent e : chain.subList(from, to)) {
                run.accept(RawEvent.of(e));
            }
            runs.add(run);
            from = to;
        }
        return ChainSegment.merge(runs);
    }

    private ChainVerification rowByRow(List<AuditEvent> chain) {
        ChainVerifier verifier = new ChainVerifier(keys);
        chain.forEach(verifier::accept);
        return verifier.result();
    }

    /** A stream that hands out at most {@code chunk} bytes a read, as a network stream may. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
