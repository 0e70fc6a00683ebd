package cn.jl.govit.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The overview's aggregates over every project are the most expensive read of the platform (hundreds of
 * milliseconds at national scale) and the same for every provincial reader, so a computed overview is kept while
 * nothing has changed: the key holds the head of the audit chain, which every state change of the platform
 * advances in its own transaction, and the day, on which "overdue" depends. A change made outside the application
 * (a database administrator's correction) is not in the audit chain; {@code maxAge} bounds how long it can go
 * unseen. Concurrent readers of a key being computed wait for that one computation instead of repeating it.
 */
final class OverviewCache {

    /** What an overview depends on. */
    record Key(OverviewFilter filter, LocalDate today, long auditHead) {
    }

    private record Entry(Overview overview, Instant computedAt) {
    }

    /** Filters are few (year × authority); this only guards against unbounded growth. */
    private static final int MAX_ENTRIES = 256;

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;

    OverviewCache(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Overview get(Key key, Supplier<Overview> compute) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return compute.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old
                : new Entry(compute.get(), now));
        // what an older head or another day computed can never be asked for again
        entries.keySet().removeIf(k -> k.auditHead() < key.auditHead() || !k.today().equals(key.today()));
        if (entries.size() > MAX_ENTRIES) {
            entries.clear();
        }
        return entry.overview();
    }

    private boolean fresh(Entry entry, Instant now) {
        return !now.isAfter(entry.computedAt().plus(maxAge)) && !now.isBefore(entry.computedAt());
    }
}
