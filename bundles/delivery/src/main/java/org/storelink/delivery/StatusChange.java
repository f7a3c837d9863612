package org.storelink.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of a delivery's history.
 *
 * @param at         when it happened, with the offset the reporter gave
 * @param rider      the fleet's opaque rider id, if any
 * @param reason     why, for {@code failed} (optional otherwise)
 * @param receivedAt when storelink recorded it
 */
public record StatusChange(DeliveryStatus status, OffsetDateTime at, String rider, String reason,
                           Instant receivedAt) {
}
