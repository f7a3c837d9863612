package org.storelink.recommend;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recommendations for any store, answered by the {@link RegionalRecommender} of the store's region.
 *
 * <p>Every method throws {@link RecommendNotEnabledException} ("recommend is not enabled in region X")
 * when the store's region has no active instance, never an empty answer.
 */
public interface Recommendations {

    /** See {@link RegionalRecommender#recommend(String, int)}. */
    List<AssortmentRecommendation> recommend(String storeId, int top);

    /** See {@link RegionalRecommender#suggestPrices(String, Optional)}. */
    List<PriceSuggestion> suggestPrices(String storeId, Optional<String> gtin);

    /** The region's active instance, if any. */
    Optional<RegionalRecommender> region(String regionId);

    /** Regions with an active instance, ordered. */
    Set<String> enabledRegions();
}
