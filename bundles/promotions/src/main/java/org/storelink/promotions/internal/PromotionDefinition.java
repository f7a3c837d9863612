package org.storelink.promotions.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.promotions.Mechanics;

/** One promotion of a valid catalog. {@code validTo} is exclusive; the budget caps the total discount funded. */
record PromotionDefinition(String promotionId, String name, List<Gtin> products, Mechanics mechanics,
                           OffsetDateTime validFrom, OffsetDateTime validTo, Eligibility eligibility, Money budget) {

    PromotionDefinition {
        products = List.copyOf(products);
    }
}
