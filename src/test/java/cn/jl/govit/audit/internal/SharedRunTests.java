package cn.jl.govit.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Callers during a run share it; callers after it start a new one; a failure reaches every waiting caller. */
class SharedRunTests {

    private final SharedRun<Integer> shared = new SharedRun<>();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void callersDuringARunGetItsResult() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<Integer> first = pool.submit(() -> shared.get(() -> {
                inside.countDown();
                await(release);
                return runs.incrementAndGet();
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add(pool.submit(() -> shared.get(runs::incrementAndGet)));
            }
            // all five wait for the run under way; none started its own
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (shared.waiting() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(shared.waiting()).isEqualTo(5);
            assertThat(runs).hasValue(0);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> f : others) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(runs).hasValue(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerAfterARunStartsANewOne() {
        assertThat(shared.get(runs::incrementAndGet)).isEqualTo(1);
        assertThat(shared.get(runs::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aFailedRunFailsItsCallerAndTheNextCallRunsAgain() {
        assertThatThrownBy(() -> shared.get(() -> {
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(shared.get(runs::incrementAndGet)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
