package org.storelink.recommend;

/**
 * A product the store does not carry and could.
 *
 * @param gtin the 14-digit GTIN
 * @param name the latest name it was sold under, or null
 * @param score the ranking key: expected weekly units in a similar store, counting similar stores that do not
 *        carry it as zero (similarity-weighted)
 * @param expectedWeeklyUnits similarity-weighted mean weekly units in the similar stores that carry it
 * @param medianWeeklyUnits median weekly units in the similar stores that carry it
 * @param carryingStores similar stores that sold it in the horizon
 * @param similarStores the similar stores considered
 * @param reason why, for a person
 */
public record AssortmentRecommendation(String gtin, String name, double score, double expectedWeeklyUnits,
        double medianWeeklyUnits, int carryingStores, int similarStores, String reason) {
}
