package org.storelink.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.storelink.model.Money;

/**
 * @param sales number of sales
 * @param revenue revenue per currency, largest first
 * @param topProducts products by revenue, largest first
 */
public record SalesSummary(long sales, List<Money> revenue, List<TopProduct> topProducts) {

    public SalesSummary {
        revenue = List.copyOf(revenue);
        topProducts = List.copyOf(topProducts);
    }

    /** @param gtin the 14-digit GTIN */
    public record TopProduct(String gtin, String name, BigDecimal units, Money revenue) {
    }
}
