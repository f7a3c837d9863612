package org.storelink.delivery.internal;

import java.time.OffsetDateTime;

import org.storelink.delivery.DeliveryStatus;

/**
 * A fleet's {@code delivery-status} message, read and checked for form.
 *
 * @param at     when it happened, with the fleet's offset
 * @param rider  the fleet's opaque rider id, or null
 * @param reason why, required for {@code failed}, else optional
 */
record StatusUpdate(String deliveryId, DeliveryStatus status, OffsetDateTime at, String rider, String reason) {
}
