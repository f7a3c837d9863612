package org.storelink.demo.internal;

import org.storelink.model.Gtin;

/**
 * A product of the demo catalogue.
 *
 * @param name the shelf label, with the pack (such as {@code Iced green tea 500 ml})
 * @param category the catalogue's own category (a Groceries {@code level2}, or the kind's label)
 * @param pack such as {@code 500 ml}, or {@value #PER_KG} for goods sold by weight
 * @param basePrice fen, per pack or per kg
 */
record DemoProduct(Gtin gtin, String name, String category, ProductKind kind, String pack, long basePrice) {
    static final String PER_KG = "per kg";

    /** Sold by weight: the price is per kg and a line's quantity is the weight. */
    boolean byWeight() {
        return PER_KG.equals(pack);
    }
}
