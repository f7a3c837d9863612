package org.storelink.wholesale.internal;

import java.util.List;

import org.storelink.model.Gtin;
import org.storelink.model.Money;

/**
 * A product a supplier offers, sold in packs of {@code packSize} units; quantities are in units, always a multiple
 * of the pack size.
 *
 * @param tiers volume tiers by ascending minimum quantity; the first starts at or below one pack
 */
record CatalogProduct(Gtin gtin, String name, int packSize, int leadTimeDays, String currency,
                      List<PriceTier> tiers) {

    /** A unit price from {@code minQuantity} units on. */
    record PriceTier(long minQuantity, long unitPrice) {
    }

    CatalogProduct {
        tiers = List.copyOf(tiers);
    }

    /** The unit price of the highest tier the quantity reaches (the first tier below its minimum). */
    Money unitPrice(long quantity) {
        PriceTier chosen = tiers.get(0);
        for (PriceTier tier : tiers) {
            if (quantity >= tier.minQuantity()) {
                chosen = tier;
            }
        }
        return new Money(chosen.unitPrice(), currency);
    }
}
