package org.storelink.model;

import java.time.Instant;

/**
 * The canonical event: a payment notification was verified and recorded. One trade yields several events over
 * its life (paid, refunded, closed); consumers deduplicate on {@code eventId} and keep, per
 * {@link Payment#paymentId()}, the state of the latest notification.
 *
 * @param eventId unique per notification (e.g. {@code alipay:<notify_id>}): the broker's duplicate id
 * @param source what received it, e.g. {@code payments-alipay}
 */
public record PaymentRecorded(String eventId, Instant recordedAt, String source, Payment payment) {

    /** The address this event is published on. */
    public static final String ADDRESS = "storelink.payments.recorded";
}
