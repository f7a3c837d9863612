package org.storelink.delivery;

/**
 * A store's deliveries of one day. {@code total = delivered + failed + open}; {@code delivered = onTime + the late
 * delivered ones}; {@code late} counts both late delivered and open past their window's end; failed deliveries are
 * counted as failed only.
 */
public record DayCounts(int total, int delivered, int onTime, int late, int failed, int open) {
}
