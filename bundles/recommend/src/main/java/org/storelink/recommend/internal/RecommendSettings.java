package org.storelink.recommend.internal;

import java.util.Map;

/** A region's validated configuration. */
public record RecommendSettings(String region, int neighbours, int minStores, int horizonWeeks, int top,
        int priceBandWeeks, int elasticityMinPricePoints, Map<String, Long> wholesaleCosts) {

    public RecommendSettings {
        wholesaleCosts = Map.copyOf(wholesaleCosts);
    }

    /** From a configuration {@link RecommendConfigValidator} has accepted. */
    public static RecommendSettings of(RecommendConfig config) {
        return new RecommendSettings(config.region().trim(), config.neighbours(), config.min_stores(),
                config.horizon_weeks(), config.top(), config.price_band_weeks(), config.elasticity_min_price_points(),
                RecommendConfigValidator.costs(config.wholesale_costs(), new java.util.ArrayList<>()));
    }
}
