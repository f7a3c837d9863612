package org.storelink.insights.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.storelink.insights.Insights;
import org.storelink.insights.StoreInsights;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** {@link Insights} over the rollups, for the stores of the registry, with today taken in each store's zone. */
public final class RollupInsights implements Insights {
    private final JdbcInsightsQueries queries;
    private final StoreRegistry stores;
    private final int k;
    private final Clock clock;

    public RollupInsights(JdbcInsightsQueries queries, StoreRegistry stores, int k, Clock clock) {
        this.queries = queries;
        this.stores = stores;
        this.k = InsightsSettings.checkK(k);
        this.clock = clock;
    }

    @Override
    public Optional<StoreInsights> forStore(String storeId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be a whole number from 1 to " + MAX_DAYS + ", is " + days);
        }
        Optional<Store> store = storeId == null ? Optional.empty() : stores.store(storeId);
        return store.map(found -> queries.insights(found.id(), found.zone(),
                LocalDate.now(clock.withZone(found.zone())), days, k));
    }

    int k() {
        return k;
    }
}
