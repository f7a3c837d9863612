package org.storelink.recommend.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.storelink.model.Store;
import org.storelink.recommend.AssortmentRecommendation;
import org.storelink.recommend.PriceSuggestion;
import org.storelink.recommend.RecommendNotEnabledException;
import org.storelink.recommend.Recommendations;
import org.storelink.recommend.RegionalRecommender;
import org.storelink.stores.StoreRegistry;

/** Sends each question to the store's region's {@link RegionalRecommender}, or says the region has none. */
@Component(service = Recommendations.class)
public final class RecommendationsComponent implements Recommendations {
    private final StoreRegistry stores;
    /** Bound and unbound by SCR while commands read it. */
    private final Map<String, RegionalRecommender> regions = new ConcurrentHashMap<>();

    @Activate
    public RecommendationsComponent(@Reference StoreRegistry stores) {
        this.stores = stores;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRegion(RegionalRecommender recommender) {
        regions.put(recommender.region(), recommender);
    }

    void unbindRegion(RegionalRecommender recommender) {
        regions.remove(recommender.region(), recommender);
    }

    private RegionalRecommender forStore(String storeId) {
        Store store = stores.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown store \"" + storeId + "\""));
        RegionalRecommender recommender = regions.get(store.region());
        if (recommender == null) {
            throw new RecommendNotEnabledException(store.region());
        }
        return recommender;
    }

    @Override
    public List<AssortmentRecommendation> recommend(String storeId, int top) {
        return forStore(storeId).recommend(storeId, top);
    }

    @Override
    public List<PriceSuggestion> suggestPrices(String storeId, Optional<String> gtin) {
        return forStore(storeId).suggestPrices(storeId, gtin);
    }

    @Override
    public Optional<RegionalRecommender> region(String regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    @Override
    public Set<String> enabledRegions() {
        return new TreeSet<>(regions.keySet());
    }
}
