package org.storelink.promotions.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import org.storelink.model.Store;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Mechanics;

/** A stored promotion with its products (14-digit GTINs) and eligibility. */
record PromotionRow(String promotionId, String brand, String catalogId, long catalogVersion, String name,
                    Mechanics mechanics, OffsetDateTime validFrom, OffsetDateTime validTo, String currency,
                    long budget, long budgetUsed, boolean withdrawn, Set<String> products,
                    Eligibility eligibility) {

    PromotionRow {
        products = Set.copyOf(products);
    }

    boolean inValidity(Instant at) {
        return !at.isBefore(validFrom.toInstant()) && at.isBefore(validTo.toInstant());
    }

    boolean budgetExhausted() {
        return budgetUsed >= budget;
    }

    /** Offered at that instant: not withdrawn, in its validity, and budget left. */
    boolean activeAt(Instant at) {
        return !withdrawn && inValidity(at) && !budgetExhausted();
    }

    /**
     * Whether the store may offer it. A store the registry no longer knows is eligible only where neither region nor
     * area profile restricts.
     */
    boolean admits(String storeId, Optional<Store> store) {
        return store.map(eligibility::admits).orElseGet(() -> eligibility.regions().isEmpty()
                && eligibility.areas().isEmpty()
                && (eligibility.stores().isEmpty() || eligibility.stores().contains(storeId)));
    }

    String status(Instant at) {
        if (withdrawn) {
            return "withdrawn";
        }
        if (at.isBefore(validFrom.toInstant())) {
            return "scheduled";
        }
        if (!at.isBefore(validTo.toInstant())) {
            return "ended";
        }
        return budgetExhausted() ? "budget-exhausted" : "active";
    }

    ActivePromotion toActive() {
        return new ActivePromotion(promotionId, brand, catalogId, name, mechanics,
                products.stream().sorted().toList(), validFrom, validTo);
    }
}
