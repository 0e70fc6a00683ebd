package cn.jl.govit.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one operation as N virtual users and records each call's latency (HdrHistogram, microseconds).
 * <p>
 * The load model: each virtual user is a closed loop — call, wait for the answer, think, call again — so that
 * N users never have more than N calls in flight, as with people at their desks. One user does not think
 * (the latency of a lone caller); several users think a random 0.5–1.5 × {@code think} between calls, as
 * Gatling's {@code pause} does, so that 50 users make the load of 50 people working, not of 50 scripts in a
 * tight loop. A separate run with no think time gives the saturation throughput.
 */
final class LoadRunner {

    /** One call; throws when the answer is not what was expected (counted as an error, not as a latency). */
    @FunctionalInterface
    interface Operation {
        void call(int user, SplittableRandom random) throws Exception;
    }

    /** How long and how often: a time limit and a limit on calls per user, whichever comes first. */
    record Plan(int users, long seconds, int callsPerUser, long thinkMillis) {
    }

    /** The outcome of one run. */
    record Result(int users, long calls, long errors, Histogram micros, double seconds, String firstError) {

        double throughput() {
            return calls / seconds;
        }

        double ms(double percentile) {
            return calls == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return calls == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
        }
    }

    private LoadRunner() {
    }

    static Result run(Plan plan, long seed, Operation operation) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.seconds());
        ExecutorService pool = Executors.newFixedThreadPool(plan.users(), r -> {
            Thread t = new Thread(r, "vu");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Future<?>> users = new ArrayList<>();
        for (int u = 0; u < plan.users(); u++) {
            int user = u;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + u);
            users.add(pool.submit(() -> {
                // users start spread over one think time, as people do not all click at the same instant
                if (plan.users() > 1 && plan.thinkMillis() > 0) {
                    sleep(random.nextLong(plan.thinkMillis()));
                }
                for (int i = 0; i < plan.callsPerUser() && System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    try {
                        operation.call(user, random);
                        recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        calls.incrementAndGet();
                    }
                    catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                    if (plan.users() > 1 && plan.thinkMillis() > 0) {
                        sleep(plan.thinkMillis() / 2 + random.nextLong(plan.thinkMillis()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : users) {
            try {
                f.get();
            }
            catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return new Result(plan.users(), calls.get(), errors.get(), recorder.getIntervalHistogram(), seconds,
                firstError.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
