package org.storelink.demo.internal;

import java.util.concurrent.TimeUnit;

/**
 * Spaces out permits to at most {@code perSecond}, across threads. Time not used is not saved up: after a pause
 * the pace starts again from now, so there is never a burst above the cap.
 */
final class RatePacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    RatePacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be above 0, was " + perSecond);
        }
        intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (next - now < 0) {
                next = now;
            }
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
