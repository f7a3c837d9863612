package org.storelink.model;

import java.time.Instant;

/**
 * The canonical event: a sale was accepted and recorded. Consumers deduplicate on
 * {@link Sale#saleId()}, since a till may resend the same receipt.
 *
 * @param source what received it, e.g. {@code pos-webhook}
 */
public record SaleRecorded(String eventId, Instant recordedAt, String source, Sale sale) {

    /** The address this event is published on. */
    public static final String ADDRESS = "storelink.sales.recorded";
}
