package org.storelink.insights;

import java.util.Optional;

/**
 * Insights per store over a window of business days ending today in the store's own time zone. Every figure comes
 * from rollups; breakdowns by a customer attribute are suppressed below {@link StoreInsights#k()} customers.
 */
public interface Insights {

    /** The window when none is asked for: four weeks. */
    int DEFAULT_DAYS = 28;

    /** The longest window: a year, leap day included. */
    int MAX_DAYS = 366;

    /**
     * @param days the window: the last {@code days} business days, today included
     * @return empty when no store has this id
     * @throws IllegalArgumentException when {@code days} is not between 1 and {@link #MAX_DAYS}
     */
    Optional<StoreInsights> forStore(String storeId, int days);

    /** Over the last {@link #DEFAULT_DAYS} days. */
    default Optional<StoreInsights> forStore(String storeId) {
        return forStore(storeId, DEFAULT_DAYS);
    }
}
