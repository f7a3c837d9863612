package org.storelink.ledger.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

import org.storelink.ledger.LatestPrice;
import org.storelink.ledger.SalesQueries;
import org.storelink.ledger.SalesSummary;

/** Lets the OSGi component be the {@link SalesQueries} service while the JDBC work stays in {@link JdbcLedger}. */
abstract class DelegatingSalesQueries implements SalesQueries {
    private final JdbcLedger ledger;

    DelegatingSalesQueries(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    JdbcLedger ledger() {
        return ledger;
    }

    @Override
    public SalesSummary summary(Optional<String> store, Optional<LocalDate> day, int topProducts) {
        return ledger.summary(store, day, topProducts);
    }

    @Override
    public boolean contains(String saleId) {
        return ledger.contains(saleId);
    }

    @Override
    public long count(String saleId) {
        return ledger.count(saleId);
    }

    @Override
    public long forEachBasket(Collection<String> storeIds, LocalDate from, LocalDate to,
            Consumer<List<String>> basket) {
        return ledger.forEachBasket(storeIds, from, to, basket);
    }

    @Override
    public List<LatestPrice> latestPrices(String storeId, LocalDate since) {
        return ledger.latestPrices(storeId, since);
    }
}
