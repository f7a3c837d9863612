package org.storelink.delivery;

import java.time.LocalDate;
import java.util.Optional;

/** Stores' deliveries: taking an order, and showing a store's deliveries per day. */
public interface Deliveries {

    /**
     * Takes a store's order as the JSON body of {@code POST /storelink/api/v1/stores/{id}/deliveries}. Stored once
     * per store and {@code orderRef}.
     *
     * @throws IllegalStateException when the database cannot be reached; nothing was stored then
     */
    Submission request(String storeId, byte[] json);

    /**
     * The store's deliveries whose promised window starts on {@code day} in the store's zone, or empty for an
     * unknown store.
     *
     * @param day the day, or null for today in the store's zone
     */
    Optional<DeliveryDay> day(String storeId, LocalDate day);

    /** One of the store's deliveries with its history; empty when the store has no such delivery. */
    Optional<DeliveryView> find(String storeId, String deliveryId);
}
