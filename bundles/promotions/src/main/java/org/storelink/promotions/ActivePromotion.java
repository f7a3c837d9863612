package org.storelink.promotions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A promotion a store may offer now: in its validity, with budget left, and the store eligible. A till applies it by
 * putting {@code promotionId} in a line's {@code promotionCode}.
 *
 * @param gtins  the promoted products, as 14-digit GTINs
 * @param validTo exclusive end
 */
public record ActivePromotion(String promotionId, String brand, String catalogId, String name, Mechanics mechanics,
                              List<String> gtins, OffsetDateTime validFrom, OffsetDateTime validTo) {

    public ActivePromotion {
        gtins = List.copyOf(gtins);
    }
}
