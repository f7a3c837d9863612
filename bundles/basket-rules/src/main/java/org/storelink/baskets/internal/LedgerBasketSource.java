package org.storelink.baskets.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.baskets.BasketSource;
import org.storelink.ledger.SalesQueries;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * The baskets of a store, or of every store of a region, read from the sales ledger: one basket per sale, its
 * products named as the till named them. A store id is looked up first, then a region id.
 */
@Component(service = BasketSource.class)
public final class LedgerBasketSource implements BasketSource {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final SalesQueries ledger;
    private final StoreRegistry stores;

    @Activate
    public LedgerBasketSource(@Reference SalesQueries ledger, @Reference StoreRegistry stores) {
        this.ledger = ledger;
        this.stores = stores;
    }

    @Override
    public Optional<List<List<String>>> baskets(String storeOrRegion, LocalDate from, LocalDate to) {
        List<String> storeIds = storeIds(storeOrRegion);
        if (storeIds.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> baskets = new ArrayList<>();
        ledger.forEachBasket(storeIds, from == null ? EARLIEST : from, to == null ? LATEST : to, baskets::add);
        return Optional.of(baskets);
    }

    private List<String> storeIds(String storeOrRegion) {
        Optional<Store> store = stores.store(storeOrRegion);
        if (store.isPresent()) {
            return List.of(store.get().id());
        }
        return stores.stores().stream().filter(s -> storeOrRegion.equals(s.region())).map(Store::id).toList();
    }
}
