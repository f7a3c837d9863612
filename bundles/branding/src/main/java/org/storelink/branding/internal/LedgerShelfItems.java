package org.storelink.branding.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.branding.ShelfItem;
import org.storelink.branding.ShelfItems;
import org.storelink.ledger.LatestPrice;
import org.storelink.ledger.SalesQueries;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * Shelf items from the ledger's recent sales, for want of a price list: each product the store sold in the last
 * {@link #DAYS} business days at the unit price of its latest sale line, sized from its name, with its promotion as
 * the badge when that line was sold under one. Ranked low so any other {@link ShelfItems} wins.
 */
@Component(service = ShelfItems.class, property = "service.ranking:Integer=-100")
public final class LedgerShelfItems implements ShelfItems {
    static final int DAYS = 28;

    private final StoreRegistry stores;
    private final SalesQueries sales;
    private final Clock clock;

    @Activate
    public LedgerShelfItems(@Reference StoreRegistry stores, @Reference SalesQueries sales) {
        this(stores, sales, Clock.systemUTC());
    }

    LedgerShelfItems(StoreRegistry stores, SalesQueries sales, Clock clock) {
        this.stores = stores;
        this.sales = sales;
        this.clock = clock;
    }

    @Override
    public List<ShelfItem> items(String storeId) {
        Store store = stores.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown store \"" + storeId + "\""));
        LocalDate today = LocalDate.now(clock.withZone(store.zone()));
        List<ShelfItem> items = new ArrayList<>();
        for (LatestPrice price : sales.latestPrices(storeId, today.minusDays(DAYS - 1))) {
            if (price.unitPrice().minor() <= 0) {
                continue;
            }
            items.add(new ShelfItem(Gtin.parse(price.gtin()), price.name(), price.unitPrice(),
                    UnitSizes.fromName(price.name()), Optional.ofNullable(price.promotionCode())));
        }
        items.sort(Comparator.comparing((ShelfItem item) -> item.name().toLowerCase(Locale.ROOT))
                .thenComparing(item -> item.gtin().value()));
        return items;
    }
}
