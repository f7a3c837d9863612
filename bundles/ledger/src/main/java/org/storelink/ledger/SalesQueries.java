package org.storelink.ledger;

import java.time.LocalDate;
import java.util.Optional;

/** Read side of the ledger. Days are business days in each store's own time zone. */
public interface SalesQueries {

    /**
     * Sale count, revenue per currency and the top products by revenue, for one store or all ({@code store}
     * empty), on one business day or all ({@code day} empty).
     */
    SalesSummary summary(Optional<String> store, Optional<LocalDate> day, int topProducts);

    /** Whether the ledger holds the sale with this id ({@code storeId/posId/receiptNo}). */
    boolean contains(String saleId);

    /** How many times a sale id is stored: 0 or 1, by construction. */
    long count(String saleId);
}
