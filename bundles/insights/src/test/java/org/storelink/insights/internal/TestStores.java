package org.storelink.insights.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.storelink.model.AreaProfile;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** A registry of fixed stores, each with the secret {@code secret-<id>}. */
final class TestStores implements StoreRegistry {
    private final Map<String, Store> stores;

    TestStores(Store... stores) {
        this.stores = java.util.Arrays.stream(stores).collect(java.util.stream.Collectors.toMap(Store::id, s -> s));
    }

    static TestStores shanghai(String... ids) {
        return new TestStores(java.util.Arrays.stream(ids)
                .map(id -> new Store(id, "Store " + id, "east", AreaProfile.STUDENT, TestEvents.SHANGHAI, null))
                .toArray(Store[]::new));
    }

    @Override
    public Optional<Store> store(String id) {
        return Optional.ofNullable(stores.get(id));
    }

    @Override
    public List<Store> stores() {
        return stores.values().stream().sorted(java.util.Comparator.comparing(Store::id)).toList();
    }

    @Override
    public List<Region> regions() {
        return List.of();
    }

    @Override
    public Optional<byte[]> secret(String storeId) {
        return store(storeId).map(store -> ("secret-" + store.id()).getBytes(StandardCharsets.UTF_8));
    }
}
