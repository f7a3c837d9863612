package org.storelink.wholesale;

import java.time.ZonedDateTime;
import java.util.List;

import org.storelink.model.Money;

/** A store's confirmed order; {@code confirmedAt} is in the store's zone. */
public record StoreOrder(String orderId, String storeId, OrderStatus status, ZonedDateTime confirmedAt,
                         List<StoreOrderLine> lines) {

    public StoreOrder {
        lines = List.copyOf(lines);
    }

    /** Value at the current prices and quantities (confirmed where answered), per currency of the lines. */
    public List<Money> value() {
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        for (StoreOrderLine line : lines) {
            sums.merge(line.unitPrice().currency(), line.value().minor(), Math::addExact);
        }
        return sums.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
    }
}
