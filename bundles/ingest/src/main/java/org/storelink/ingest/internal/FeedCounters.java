package org.storelink.ingest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Accepted and rejected counts and the last arrival, per adapter, feed and store, since start. */
final class FeedCounters {

    record Key(String adapter, String feed, String store) {
    }

    static final class Counts {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicReference<Instant> lastReceived = new AtomicReference<>();
    }

    private final Map<Key, Counts> counts = new ConcurrentHashMap<>();

    void record(Key key, long accepted, long rejected, Instant at) {
        Counts c = counts.computeIfAbsent(key, k -> new Counts());
        c.accepted.addAndGet(accepted);
        c.rejected.addAndGet(rejected);
        c.lastReceived.accumulateAndGet(at, (old, now) -> old == null || now.isAfter(old) ? now : old);
    }

    Counts get(Key key) {
        return counts.getOrDefault(key, new Counts());
    }

    List<Key> keys() {
        return List.copyOf(counts.keySet());
    }
}
