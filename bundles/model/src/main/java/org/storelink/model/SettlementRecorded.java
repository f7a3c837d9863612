package org.storelink.model;

import java.time.Instant;

/**
 * The canonical event: a bank statement entry was parsed and recorded. Consumers deduplicate on
 * {@link Settlement#settlementId()}, since the same entry shows in an intraday notification and in the end-of-day
 * statement.
 */
public record SettlementRecorded(String eventId, Instant recordedAt, String source, Settlement settlement) {

    /** The address this event is published on. */
    public static final String ADDRESS = "storelink.settlements.recorded";
}
