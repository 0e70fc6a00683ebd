package cn.jl.govit.audit.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bounds how many events of one kind an unauthenticated (or merely annoying) caller can add to the chain: at most
 * {@code perWindow} individual events per window; the events refused in a window are counted and reported by the
 * first event let through in a later window ("n more suppressed"). The chain thus grows by at most
 * {@code perWindow} events per window whatever the rate of attempts, and no attempt goes unaccounted.
 */
final class AuditRateLimit {

    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int used;
    private final AtomicLong suppressed = new AtomicLong();

    AuditRateLimit(int perWindow, long windowNanos, LongSupplier nanoTime) {
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    synchronized void reset() {
        windowStart = nanoTime.getAsLong();
        used = 0;
    }

    /**
     * Whether this event may be written; if so, the number of earlier events suppressed (to be reported with it,
     * and reset), else {@code -1}.
     */
    synchronized long admit() {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
        }
        if (used >= perWindow) {
            suppressed.incrementAndGet();
            return -1;
        }
        used++;
        return suppressed.getAndSet(0);
    }
}
