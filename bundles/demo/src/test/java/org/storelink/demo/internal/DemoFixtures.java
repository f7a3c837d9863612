package org.storelink.demo.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo's outputs for tests in other packages, which check them against the real consumers' own code. */
public final class DemoFixtures {
    public static final long SEED = 20261126L;

    private DemoFixtures() {
    }

    /** The stores fragment of a network of {@code stores} stores, with secrets made from {@code key}. */
    public static byte[] fragment(int stores, byte[] key) {
        DemoNetwork network = DemoNetwork.generate(SEED, stores, Catalogue.builtIn("built-in"));
        StoreSecrets secrets = new StoreSecrets(key, SEED);
        Map<String, String> byId = new HashMap<>();
        network.stores().forEach(store -> byId.put(store.id(), secrets.secret(store.id())));
        return DemoComponent.fragmentBytes(network, byId);
    }

    public static List<String> storeIds(int stores) {
        return DemoNetwork.generate(SEED, stores, Catalogue.builtIn("built-in")).stores().stream()
                .map(DemoStore::id).toList();
    }

    public static String secret(byte[] key, String storeId) {
        return new StoreSecrets(key, SEED).secret(storeId);
    }

    /** The X-Storelink-Signature header the demo sends with {@code body}. */
    public static String signature(String secret, byte[] body) {
        return StoreSecrets.signature(secret, body);
    }

    /** The body of the first history sale of a small network, as the demo posts it. */
    public static Map.Entry<String, byte[]> firstSale() {
        DemoNetwork network = DemoNetwork.generate(SEED, 3, Catalogue.builtIn("built-in"));
        var sale = new SaleGenerator(network, 5).history(1, java.time.Instant.parse("2026-11-26T12:00:00Z"))
                .iterator().next();
        return Map.entry(sale.storeId(), org.storelink.model.json.Json.write(sale));
    }

    /** A configuration with the defaults of {@link DemoConfig} except {@code values} (keys as method names). */
    static DemoConfig config(Map<String, Object> values) {
        return (DemoConfig) Proxy.newProxyInstance(DemoConfig.class.getClassLoader(), new Class<?>[] {DemoConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> DemoConfig.class;
                    case "toString" -> "DemoConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }
}
