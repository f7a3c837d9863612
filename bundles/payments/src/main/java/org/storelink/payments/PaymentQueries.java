package org.storelink.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.storelink.model.Payment;

/**
 * The latest verified state of each payment this platform received a notification for. Payer references are
 * pseudonyms; the providers' account ids are never stored.
 */
public interface PaymentQueries {

    /**
     * The payments of one store that happened on one day in the store's own time zone, oldest first.
     *
     * @throws IllegalArgumentException if the store is unknown
     */
    List<Payment> payments(String storeId, LocalDate day);

    /** One payment by its id, {@code alipay:<trade_no>} or {@code wechat:<transaction_id>}. */
    Optional<Payment> payment(String paymentId);
}
