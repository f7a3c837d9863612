package org.storelink.recommend;

import org.storelink.model.Money;

/**
 * Unit prices in similar stores, weighted by the units sold at each price: a quarter of the units sold at
 * {@code p25} or less, half at {@code median} or less, three quarters at {@code p75} or less.
 *
 * @param stores the similar stores that sold the product
 * @param distinctPrices how many different unit prices were seen
 */
public record PriceBand(Money p25, Money median, Money p75, int stores, int distinctPrices) {

    /** Whether the price lies between {@code p25} and {@code p75}, both included. */
    public boolean contains(long minor) {
        return minor >= p25.minor() && minor <= p75.minor();
    }
}
