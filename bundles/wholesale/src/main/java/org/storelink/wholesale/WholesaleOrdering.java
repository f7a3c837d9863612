package org.storelink.wholesale;

import java.util.List;
import java.util.Optional;

/**
 * Central wholesale ordering for stores: replenishment suggestions from sales history and stock, store orders,
 * stock counts, deliveries, purchases made elsewhere, and the cut-off that turns confirmed orders into purchase
 * orders to suppliers.
 *
 * <p>Invalid requests throw {@link WholesaleRequestException} naming every problem by field.
 */
public interface WholesaleOrdering {

    /** Suggestions for the store now; empty for an unknown store. */
    Optional<Replenishment> replenishment(String storeId);

    /**
     * Confirms an order of the store. With no lines, the current suggestion is confirmed as it is (the lines with a
     * quantity above zero); otherwise each GTIN must be in a supplier's catalogue for the store's region and each
     * quantity is rounded up to whole packs.
     */
    StoreOrder confirmOrder(String storeId, List<Quantity> lines);

    /** The store's orders, newest first, at most {@code limit}. */
    List<StoreOrder> orders(String storeId, int limit);

    /** A stock count: the quantities on the shelf at {@code count.countedAt()}. */
    void recordStockCount(String storeId, StockCount count);

    /** Goods received; with an order id, that order is marked received. */
    void recordDelivery(String storeId, Delivery delivery);

    /** A purchase the store made outside the platform, for the sourcing share. */
    Purchase recordPurchase(Purchase purchase);

    /**
     * The cut-off now: every confirmed store order is aggregated per supplier and region into purchase orders, which
     * are then sent, as are purchase orders of an earlier cut-off that could not be sent.
     */
    CutoffResult cutoff();
}
