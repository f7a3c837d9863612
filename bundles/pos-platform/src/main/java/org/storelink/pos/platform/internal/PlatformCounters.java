package org.storelink.pos.platform.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many webhooks came to what since activation, by name such as {@code shopify.accepted} or
 * {@code square.payment.created.ignored}. Held in memory only.
 */
final class PlatformCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @return the count after this one */
    long increment(String name) {
        LongAdder adder = counts.computeIfAbsent(name, n -> new LongAdder());
        adder.increment();
        return adder.sum();
    }

    long get(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** Every count, ordered by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, adder) -> snapshot.put(name, adder.sum()));
        return snapshot;
    }
}
