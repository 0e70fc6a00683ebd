package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;


/** Derived data is computed again exactly when something it depends on may have changed (issue 8). */
class StampedCacheTests {

    private static final String ALL = "all";

    private final StoppedClock clock = new StoppedClock();
    private final StampedCache<String, Object> cache = new StampedCache<>(Duration.ofSeconds(60), clock, 256);
    private final AtomicInteger computed = new AtomicInteger();

    private Object compute() {
        computed.incrementAndGet();
        return new Object();
    }

    @Test
    void theSameKeyAndStampAreComputedOnce() {
        Object first = cache.get(ALL, 100, this::compute);
        Object second = cache.get(ALL, 100, this::compute);
        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aNewStampOrAnotherKeyComputesAgainAndAnOlderStampIsGone() {
        cache.get(ALL, 100, this::compute);
        cache.get(ALL, 101, this::compute);
        assertThat(computed).hasValue(2);
        cache.get("year=2026", 101, this::compute);
        assertThat(computed).hasValue(3);
        cache.get(ALL, 100, this::compute);
        assertThat(computed).hasValue(4);
    }

    @Test
    void aValueLivesAtMostMaxAgeEvenWithoutANewStamp() {
        cache.get(ALL, 7, this::compute);
        clock.advance(Duration.ofSeconds(60));
        cache.get(ALL, 7, this::compute);
        assertThat(computed).as("exactly max-age old is still fresh").hasValue(1);
        clock.advance(Duration.ofMillis(1));
        cache.get(ALL, 7, this::compute);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aZeroMaxAgeTurnsTheCacheOff() {
        StampedCache<String, Object> off = new StampedCache<>(Duration.ZERO, clock, 256);
        off.get(ALL, 7, this::compute);
        off.get(ALL, 7, this::compute);
        assertThat(computed).hasValue(2);
    }

    @Test
    void concurrentReadersOfOneKeyShareOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Object> slow = pool.submit(() -> cache.get(ALL, 9, () -> {
                started.countDown();
                await(release);
                return compute();
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Object>> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiting.add(pool.submit(() -> cache.get(ALL, 9, this::compute)));
            }
            release.countDown();
            Object result = slow.get(10, TimeUnit.SECONDS);
            for (Future<Object> f : waiting) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(result);
            }
            assertThat(computed).hasValue(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** A clock that moves only when told, so that "exactly max-age" is exact. */
    private static final class StoppedClock extends Clock {

        private Instant now = Instant.parse("2026-11-27T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
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
