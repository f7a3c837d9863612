package org.storelink.promotions.internal;

import java.util.List;

/**
 * A valid promotion catalog of one brand. {@code contentHash} is the SHA-256 of the catalog as parsed (whitespace and
 * number formatting aside), to tell a resend of a version from a different catalog under the same version.
 */
record Catalog(String catalogId, long version, String brand, List<PromotionDefinition> promotions,
               String contentHash) {

    Catalog {
        promotions = List.copyOf(promotions);
    }
}
