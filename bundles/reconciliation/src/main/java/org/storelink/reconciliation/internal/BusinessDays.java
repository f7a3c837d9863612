package org.storelink.reconciliation.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The business day of a moment is its calendar date in the store's zone, whatever offset the sender used. */
final class BusinessDays {

    private BusinessDays() {
    }

    /** @param zone the store's zone, or null for a store nobody knows: then the sender's own offset decides */
    static LocalDate of(OffsetDateTime at, ZoneId zone) {
        return zone == null ? at.toLocalDate() : at.atZoneSameInstant(zone).toLocalDate();
    }
}
