package org.storelink.ledger;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.storelink.model.Money;

/**
 * What a store last charged for a product: the unit price of its latest sale line, before any line discount.
 *
 * @param gtin the 14-digit GTIN
 * @param name the name the till gave, or null
 * @param promotionCode the promotion that line was sold under, or null
 */
public record LatestPrice(String gtin, String name, Money unitPrice, OffsetDateTime lastSoldAt, String promotionCode) {

    public LatestPrice {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(lastSoldAt, "lastSoldAt");
    }
}
