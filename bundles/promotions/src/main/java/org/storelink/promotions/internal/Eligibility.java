package org.storelink.promotions.internal;

import java.util.Set;

import org.storelink.model.AreaProfile;
import org.storelink.model.Store;

/**
 * Which stores may offer a promotion. Each list that is not empty restricts: a store is eligible when its region is
 * listed (or no region is), its area profile is listed (or none is) and its id is listed (or none is). All empty:
 * every store.
 */
record Eligibility(Set<String> regions, Set<AreaProfile> areas, Set<String> stores) {
    static final Eligibility ALL = new Eligibility(Set.of(), Set.of(), Set.of());

    Eligibility {
        regions = Set.copyOf(regions);
        areas = Set.copyOf(areas);
        stores = Set.copyOf(stores);
    }

    boolean admits(Store store) {
        return (regions.isEmpty() || (store.region() != null && regions.contains(store.region())))
                && (areas.isEmpty() || (store.area() != null && areas.contains(store.area())))
                && (stores.isEmpty() || stores.contains(store.id()));
    }
}
