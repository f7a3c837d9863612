package org.storelink.recommend;

import org.storelink.model.Money;

/**
 * The price of one product in one store, against similar stores of its region.
 *
 * @param gtin the 14-digit GTIN
 * @param name the latest name it was sold under, or null
 * @param band the price band in similar stores, or null when too few similar stores sold it
 * @param currentPrice the store's own latest shelf price, or null when it has not sold the product
 * @param outsideBand the store's own price is below {@code p25} or above {@code p75}
 * @param suggested the suggested shelf price, or null when there is nothing to go on
 * @param wholesaleCost the known wholesale unit cost, a floor for {@code suggested}; or null
 * @param elasticity the fitted elasticity where prices varied enough, or null
 * @param reason why, for a person
 */
public record PriceSuggestion(String gtin, String name, PriceBand band, Money currentPrice, boolean outsideBand,
        Money suggested, Money wholesaleCost, Elasticity elasticity, String reason) {
}
