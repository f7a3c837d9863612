package org.storelink.recommend.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One region's recommend module: {@code etc/org.storelink.recommend-<region>.cfg}. Keys are the method names with
 * {@code _} read as {@code .} ({@code min_stores} is {@code min.stores}).
 */
@ObjectClassDefinition(name = "storelink recommend (one per region)",
        description = "What to stock and how to price it, for the stores of one region.")
public @interface RecommendConfig {

    @AttributeDefinition(description = "The region's id, as in etc/storelink-stores.json.")
    String region();

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_ONE,
            description = "Similar stores compared with a store: those of its area profile first, then others.")
    int neighbours() default 20;

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_ONE,
            description = "Similar stores that must sell a product before it is recommended or priced.")
    int min_stores() default 3;

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_ONE, max = RecommendConfigValidator.MAX_WEEKS,
            description = "Weeks of sales, up to the current one, that say what sells where.")
    int horizon_weeks() default 4;

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_ONE, max = RecommendConfigValidator.MAX_TOP,
            description = "Products recommended when the caller does not say how many.")
    int top() default 10;

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_ONE, max = RecommendConfigValidator.MAX_WEEKS,
            description = "Weeks of prices, up to the current one, in a price band.")
    int price_band_weeks() default 4;

    @AttributeDefinition(min = RecommendConfigValidator.AT_LEAST_THREE,
            description = "Distinct prices needed before an elasticity is estimated.")
    int elasticity_min_price_points() default 3;

    @AttributeDefinition(required = false, description = "Known wholesale unit costs, GTIN=minor units (in the"
            + " currency the region's stores price in), e.g. 06901234567892=210; a suggested price is never below.")
    String[] wholesale_costs() default {};
}
