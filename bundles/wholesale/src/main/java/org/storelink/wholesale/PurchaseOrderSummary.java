package org.storelink.wholesale;

import org.storelink.model.Money;

/**
 * A central purchase order.
 *
 * @param status  {@code sent}, {@code unsent} (will be sent again at the next cut-off) or {@code answered}
 * @param problem why the last send failed; null otherwise
 */
public record PurchaseOrderSummary(String purchaseOrderId, String supplierId, String regionId, String format,
                                   int lines, Money total, String status, String problem) {
}
