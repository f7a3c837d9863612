package org.storelink.demo.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link DemoConfig}, checked. An invalid configuration fails the component's activation with every problem.
 *
 * @param catalogue the Groceries item list to read, if any
 */
record DemoSettings(long seed, int stores, int weeks, double salesPerStoreDay, double rate, int concurrency,
                    double livePerMinute, Optional<Path> catalogue, URI endpoint) {
    static final int MAX_STORES = 9999;
    static final int MAX_WEEKS = 52;
    static final int MAX_CONCURRENCY = 256;

    /**
     * @param sharedData the {@code storelink.sharedData} system property, if set
     * @param paxWebEndpoint where the HTTP service listens, asked only when {@code endpoint} is empty
     */
    static DemoSettings of(DemoConfig config, Optional<String> sharedData, Supplier<URI> paxWebEndpoint) {
        List<String> problems = new ArrayList<>();
        range(problems, "stores", config.stores(), 1, MAX_STORES);
        range(problems, "weeks", config.weeks(), 1, MAX_WEEKS);
        range(problems, "concurrency", config.concurrency(), 1, MAX_CONCURRENCY);
        positive(problems, "sales.per.store.day", config.sales_per_store_day());
        positive(problems, "rate", config.rate());
        if (!(config.live_per_minute() >= 0) || Double.isInfinite(config.live_per_minute())) {
            problems.add("live.per.minute: " + config.live_per_minute() + " must be 0 or more");
        }
        URI endpoint = null;
        if (config.endpoint().isBlank()) {
            endpoint = paxWebEndpoint.get();
        } else {
            try {
                endpoint = URI.create(config.endpoint().strip());
                if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
                        || endpoint.getHost() == null) {
                    problems.add("endpoint: \"" + config.endpoint() + "\" must be an http(s) URL such as"
                            + " http://localhost:8181");
                }
            } catch (IllegalArgumentException e) {
                problems.add("endpoint: \"" + config.endpoint() + "\" is not a URL: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Demo configuration org.storelink.demo refused: "
                    + String.join("; ", problems));
        }
        Optional<Path> catalogue = config.catalogue_file().isBlank()
                ? sharedData.map(folder -> Path.of(folder, "groceries", "groceries_items.csv"))
                : Optional.of(Path.of(config.catalogue_file().strip()));
        return new DemoSettings(config.seed(), config.stores(), config.weeks(), config.sales_per_store_day(),
                config.rate(), config.concurrency(), config.live_per_minute(), catalogue, endpoint);
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + ": " + value + " is outside " + min + "-" + max);
        }
    }

    private static void positive(List<String> problems, String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(key + ": " + value + " must be above 0");
        }
    }
}
