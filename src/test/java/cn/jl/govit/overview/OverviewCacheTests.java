package cn.jl.govit.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;


/** The overview is computed again exactly when something it depends on may have changed (issue 8). */
class OverviewCacheTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final OverviewFilter ALL = new OverviewFilter(null, null, false);

    private final StoppedClock clock = new StoppedClock();
    private final OverviewCache cache = new OverviewCache(Duration.ofSeconds(60), clock);
    private final AtomicInteger computed = new AtomicInteger();

    private Overview compute() {
        computed.incrementAndGet();
        return new Overview(TODAY, ALL, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void theSameHeadFilterAndDayAreComputedOnce() {
        Overview first = cache.get(new OverviewCache.Key(ALL, TODAY, 100), this::compute);
        Overview second = cache.get(new OverviewCache.Key(ALL, TODAY, 100), this::compute);
        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aNewAuditEventAnotherFilterOrAnotherDayComputeAgain() {
        cache.get(new OverviewCache.Key(ALL, TODAY, 100), this::compute);
        cache.get(new OverviewCache.Key(ALL, TODAY, 101), this::compute);
        assertThat(computed).hasValue(2);
        cache.get(new OverviewCache.Key(new OverviewFilter(2026, null, false), TODAY, 101), this::compute);
        assertThat(computed).hasValue(3);
        cache.get(new OverviewCache.Key(ALL, TODAY.plusDays(1), 101), this::compute);
        assertThat(computed).hasValue(4);
    }

    @Test
    void aComputedOverviewLivesAtMostMaxAgeEvenWithoutAuditedChange() {
        OverviewCache.Key key = new OverviewCache.Key(ALL, TODAY, 7);
        cache.get(key, this::compute);
        clock.advance(Duration.ofSeconds(60));
        cache.get(key, this::compute);
        assertThat(computed).as("exactly max-age old is still fresh").hasValue(1);
        clock.advance(Duration.ofMillis(1));
        cache.get(key, this::compute);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aZeroMaxAgeTurnsTheCacheOff() {
        OverviewCache off = new OverviewCache(Duration.ZERO, clock);
        OverviewCache.Key key = new OverviewCache.Key(ALL, TODAY, 7);
        off.get(key, this::compute);
        off.get(key, this::compute);
        assertThat(computed).hasValue(2);
    }

    @Test
    void concurrentReadersOfOneKeyShareOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OverviewCache.Key key = new OverviewCache.Key(ALL, TODAY, 9);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Overview> slow = pool.submit(() -> cache.get(key, () -> {
                started.countDown();
                await(release);
                return compute();
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Overview>> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiting.add(pool.submit(() -> cache.get(key, this::compute)));
            }
            release.countDown();
            Overview result = slow.get(10, TimeUnit.SECONDS);
            for (Future<Overview> f : waiting) {
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
