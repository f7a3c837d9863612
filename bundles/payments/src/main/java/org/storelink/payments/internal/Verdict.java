package org.storelink.payments.internal;

import org.storelink.model.PaymentRecorded;

/** What a verified notification leads to. A refused one is a {@link NotificationRefused} instead. */
sealed interface Verdict {

    /** Publish the event, then record it; acknowledge only once both are done. */
    record Publish(PaymentRecorded event, String merchantId, Refund refund) implements Verdict {
    }

    /** Genuine, but nothing to publish (a trade waiting for payment, a notification kind we do not map). */
    record Acknowledge(String reason) implements Verdict {
    }

    /** Genuine and already processed: acknowledge again, publish nothing new. */
    record Replayed(String eventId) implements Verdict {
    }

    /** One refund of a payment, kept so that the total refunded adds up over several partial refunds. */
    record Refund(String refundId, long amount) {
    }
}
