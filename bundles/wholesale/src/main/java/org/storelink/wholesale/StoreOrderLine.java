package org.storelink.wholesale;

import java.time.LocalDate;

import org.storelink.model.Gtin;
import org.storelink.model.Money;

/**
 * A line of a store order.
 *
 * @param quantity          units ordered, a multiple of packSize
 * @param allocatedQuantity units allocated to this store from the supplier's answer; null before it
 * @param unitPrice         the catalogue price when confirmed, the purchase order's tier price after the cut-off,
 *                          the supplier's price after its answer
 * @param deliveryDate      the date the supplier promised, if it named one
 * @param purchaseOrderId   the purchase order the line went into; null before the cut-off
 */
public record StoreOrderLine(Gtin gtin, String name, String supplierId, int packSize, long quantity,
                             Long allocatedQuantity, Money unitPrice, LineStatus status, LocalDate deliveryDate,
                             String purchaseOrderId) {

    /** The quantity that counts: allocated when answered, else ordered. */
    public long effectiveQuantity() {
        return allocatedQuantity == null ? quantity : allocatedQuantity;
    }

    public Money value() {
        return new Money(Math.multiplyExact(effectiveQuantity(), unitPrice.minor()), unitPrice.currency());
    }
}
