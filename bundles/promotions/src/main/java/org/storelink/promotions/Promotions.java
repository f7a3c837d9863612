package org.storelink.promotions;

import java.util.List;
import java.util.Optional;

/** Brand promotions as stores and operators see them. */
public interface Promotions {

    /** The promotions the store may offer now, ordered by promotion id; empty when the store is unknown. */
    Optional<List<ActivePromotion>> activeFor(String storeId);

    /** The promotion's figures and uplift now; empty when no promotion has that id. */
    Optional<PromotionReport> report(String promotionId);
}
