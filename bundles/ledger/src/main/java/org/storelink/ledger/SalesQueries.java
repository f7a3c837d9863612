package org.storelink.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Streams the baskets of these stores' sales on business days {@code from} to {@code to} (inclusive), one call
     * per sale that bought anything: the distinct products it bought, each as its name (its GTIN when the till gave
     * no name). Voided and returned lines are left out, and a sale left with no product is skipped. Sales come in
     * business-day order.
     *
     * @return how many baskets were passed on
     */
    long forEachBasket(Collection<String> storeIds, LocalDate from, LocalDate to, Consumer<List<String>> basket);

    /**
     * Per product the store sold on business days {@code since} or later, its latest sale line's unit price
     * (voided lines and returns left out), ordered by GTIN.
     */
    List<LatestPrice> latestPrices(String storeId, LocalDate since);
}
