package org.storelink.wholesale;

import java.time.ZonedDateTime;
import java.util.List;

/** What a cut-off did: the purchase orders it created and the ones it (re)sent. */
public record CutoffResult(ZonedDateTime at, int storeOrders, List<PurchaseOrderSummary> purchaseOrders) {

    public CutoffResult {
        purchaseOrders = List.copyOf(purchaseOrders);
    }
}
