package cn.jl.govit.rulebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Derived data (counts, aggregates) kept while nothing it depends on has changed. The caller names the change stamp
 * it read — the head of the audit chain, which every state change of the platform advances in its own transaction —
 * and a value computed under another stamp is never returned; {@code maxAge} bounds how long a change made outside
 * the application (a database administrator's correction, which the audit chain does not see) can go unseen.
 * Concurrent callers of a key being computed wait for that one computation instead of repeating it (issue 8).
 */
public final class StampedCache<K, V> {

    private record Stamped<K>(K key, long stamp) {
    }

    private record Entry<V>(V value, Instant computedAt) {
    }

    private final ConcurrentHashMap<Stamped<K>, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;
    private final int maxEntries;

    /** {@code maxAge} zero or negative computes every time; {@code maxEntries} bounds the memory held. */
    public StampedCache(Duration maxAge, Clock clock, int maxEntries) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    public V get(K key, long stamp, Supplier<V> compute) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return compute.get();
        }
        Instant now = clock.instant();
        Stamped<K> stamped = new Stamped<>(key, stamp);
        Entry<V> entry = entries.compute(stamped, (k, old) -> old != null && fresh(old, now) ? old
                : new Entry<>(compute.get(), now));
        // what an older stamp computed can never be asked for again
        entries.keySet().removeIf(k -> k.stamp() < stamp);
        if (entries.size() > maxEntries) {
            entries.clear();
        }
        return entry.value();
    }

    private boolean fresh(Entry<V> entry, Instant now) {
        return !now.isAfter(entry.computedAt().plus(maxAge)) && !now.isBefore(entry.computedAt());
    }
}
