package org.storelink.wholesale;

import java.util.Locale;

/** Where a store order is. */
public enum OrderStatus {
    /** Confirmed by the store, waiting for the next cut-off. */
    CONFIRMED,
    /** In a purchase order sent to the supplier (or being sent). */
    SUBMITTED,
    /** The supplier answered; its lines carry the confirmed quantities. */
    ANSWERED,
    /** The store recorded the delivery. */
    RECEIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
