package org.storelink.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.storelink.model.AreaProfile;
import org.storelink.model.Coordinates;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** Fixed stores, each with the secret {@code secret-<id>}. */
final class TestStores implements StoreRegistry {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** East region, Shanghai, surveyed. */
    static final Store SH = new Store("sh-001", "Fudan Gate Corner Shop", "east", AreaProfile.STUDENT, SHANGHAI,
            new Coordinates(31.2989, 121.5015));
    /** West region (no default fleet), Los Angeles. */
    static final Store LA = new Store("la-001", "Sunset Corner", "west", AreaProfile.OFFICE, LOS_ANGELES,
            new Coordinates(34.0983, -118.3267));
    /** East region, never surveyed: no coordinates. */
    static final Store NOWHERE = new Store("sh-009", "Unsurveyed Shop", "east", AreaProfile.MIXED, SHANGHAI, null);

    private final Map<String, Store> stores;

    TestStores(Store... stores) {
        this.stores = Arrays.stream(stores).collect(Collectors.toMap(Store::id, Function.identity()));
    }

    static TestStores all() {
        return new TestStores(SH, LA, NOWHERE);
    }

    @Override
    public Optional<Store> store(String id) {
        return Optional.ofNullable(stores.get(id));
    }

    @Override
    public List<Store> stores() {
        return stores.values().stream().sorted(Comparator.comparing(Store::id)).toList();
    }

    @Override
    public List<Region> regions() {
        return List.of(new Region("east", "East"), new Region("west", "West"));
    }

    @Override
    public Optional<byte[]> secret(String storeId) {
        return store(storeId).map(store -> ("secret-" + store.id()).getBytes(StandardCharsets.UTF_8));
    }
}
