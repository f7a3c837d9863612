package org.storelink.wholesale;

import java.time.LocalDate;
import java.util.Objects;

import org.storelink.model.Money;

/**
 * A purchase a store made outside the platform, on a business day of the store.
 *
 * @param purchaseId assigned when it is recorded; null before
 */
public record Purchase(String purchaseId, String storeId, LocalDate day, Money amount, String supplier) {

    public Purchase {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(supplier, "supplier");
    }
}
