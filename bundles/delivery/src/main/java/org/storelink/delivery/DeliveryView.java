package org.storelink.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A delivery as a store sees it. Times are in the store's zone (their offset is the store's at that instant).
 *
 * @param windowFrom   the promised window's start
 * @param windowTo     the promised window's end; delivered later, or still not delivered after it, is late
 * @param statusAt     when the current status was reached
 * @param deliveredAt  when it was delivered, if it was
 * @param dispatchedAt when the delivery-request message was handed to the broker, or null while it waits
 * @param late         delivered after {@code windowTo}, or neither delivered nor failed and {@code windowTo} has
 *                     passed
 * @param history      every status, oldest first, starting with {@code requested}
 */
public record DeliveryView(String deliveryId, String storeId, String orderRef, String fleet, DeliveryStatus status,
                           OffsetDateTime windowFrom, OffsetDateTime windowTo, OffsetDateTime requestedAt,
                           OffsetDateTime statusAt, OffsetDateTime deliveredAt, String rider, String reason,
                           Instant dispatchedAt, boolean late, List<StatusChange> history) {

    public DeliveryView {
        history = List.copyOf(history);
    }
}
