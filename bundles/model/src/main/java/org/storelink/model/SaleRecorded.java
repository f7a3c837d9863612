package org.storelink.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The canonical event: a sale was accepted and recorded. Consumers deduplicate on
 * {@link Sale#saleId()}, since a till may resend the same receipt.
 *
 * @param source what received it, e.g. {@code pos-webhook}
 * @param businessDay the business day the source states (a POSLog {@code BusinessDayDate}: a sale rung up after
 *        midnight may belong to the day before); {@code null} when the source states none, and the sale belongs to
 *        the calendar day of {@code occurredAt} in the store's own zone
 */
public record SaleRecorded(String eventId, Instant recordedAt, String source, Sale sale, LocalDate businessDay) {

    /** The address this event is published on. */
    public static final String ADDRESS = "storelink.sales.recorded";

    /** An event whose source states no business day. */
    public SaleRecorded(String eventId, Instant recordedAt, String source, Sale sale) {
        this(eventId, recordedAt, source, sale, null);
    }
}
