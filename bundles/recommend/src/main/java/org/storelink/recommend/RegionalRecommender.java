package org.storelink.recommend;

import java.util.List;
import java.util.Optional;

/**
 * The recommend module of one region, registered with the service property {@code region=<id>} for each active
 * {@code org.storelink.recommend-<region>} configuration. Pick a region's instance with the filter
 * {@code (region=east)}, or go through {@link Recommendations}, which says clearly when a region has none.
 */
public interface RegionalRecommender {

    /** The service property naming the region. */
    String REGION_PROPERTY = "region";

    String region();

    /**
     * Products that sell well in similar stores of the region and that the store does not carry, best first.
     *
     * @param top how many at most; 0 or less means the region's configured {@code top}
     * @throws IllegalArgumentException if the store is unknown or not in this region
     */
    List<AssortmentRecommendation> recommend(String storeId, int top);

    /**
     * Price bands and suggestions for one product ({@code gtin}), or for every product the store sells.
     *
     * @param gtin GTIN-8/12/13/14; empty for all the store's products
     * @throws IllegalArgumentException if the store is unknown or not in this region, or the GTIN is invalid
     */
    List<PriceSuggestion> suggestPrices(String storeId, Optional<String> gtin);
}
