package org.storelink.recommend.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.storelink.model.Gtin;

/**
 * Checks a recommend configuration as it is written (strings from a {@code .cfg} file, or typed values from
 * ConfigAdmin), naming the key of every problem. The component refuses to activate on any; {@code region-list}
 * shows the same problems. Defaults come from {@link RecommendConfig} itself, so they are written once.
 */
public final class RecommendConfigValidator {
    static final String AT_LEAST_ONE = "1";
    static final String AT_LEAST_THREE = "3";
    static final String MAX_WEEKS = "52";
    static final String MAX_TOP = "1000";

    public static final String FACTORY_PID = "org.storelink.recommend";

    private record Bounds(String key, String method, long min, long max) {
    }

    private static final List<Bounds> NUMBERS = List.of(
            new Bounds("neighbours", "neighbours", 1, Integer.MAX_VALUE),
            new Bounds("min.stores", "min_stores", 1, Integer.MAX_VALUE),
            new Bounds("horizon.weeks", "horizon_weeks", 1, Long.parseLong(MAX_WEEKS)),
            new Bounds("top", "top", 1, Long.parseLong(MAX_TOP)),
            new Bounds("price.band.weeks", "price_band_weeks", 1, Long.parseLong(MAX_WEEKS)),
            new Bounds("elasticity.min.price.points", "elasticity_min_price_points", Long.parseLong(AT_LEAST_THREE),
                    Integer.MAX_VALUE));

    private RecommendConfigValidator() {
    }

    /**
     * Every problem, each starting with its key.
     *
     * @param regions the regions of the store registry
     * @param pid the configuration's PID, {@code org.storelink.recommend~<region>} for a named one; may be null
     */
    public static List<String> problems(Map<String, ?> properties, Collection<String> regions, String pid) {
        return problems(properties, regions, pid, true);
    }

    /**
     * As {@link #problems(Map, Collection, String)}; with {@code requireKnownRegion} false a region the store
     * registry does not hold (yet) is no problem: a running module's configuration may arrive before the stores
     * that make up its region (the demo network writes its stores as it starts).
     */
    public static List<String> problems(Map<String, ?> properties, Collection<String> regions, String pid,
            boolean requireKnownRegion) {
        List<String> problems = new ArrayList<>();
        Object region = properties.get("region");
        String regionId = region == null ? "" : String.valueOf(region).trim();
        if (regionId.isEmpty()) {
            problems.add("region: is required");
        } else if (requireKnownRegion && !regions.contains(regionId)) {
            problems.add("region: \"" + regionId + "\" is not a region of the store registry (known: "
                    + (regions.isEmpty() ? "none" : String.join(", ", regions.stream().sorted().toList())) + ")");
        }
        Optional<String> name = configurationName(pid);
        if (!regionId.isEmpty() && name.isPresent() && !name.get().equals(regionId)) {
            problems.add("region: \"" + regionId + "\" does not match the configuration's name \"" + name.get()
                    + "\" (" + FACTORY_PID + "-" + name.get() + ".cfg)");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (Bounds bounds : NUMBERS) {
            Object raw = properties.get(bounds.key());
            Long value = raw == null ? Long.valueOf(defaultValue(bounds.method())) : whole(raw);
            if (value == null) {
                problems.add(bounds.key() + ": \"" + raw + "\" is not a whole number");
            } else if (value < bounds.min()) {
                problems.add(bounds.key() + ": " + value + " is below the minimum " + bounds.min());
            } else if (value > bounds.max()) {
                problems.add(bounds.key() + ": " + value + " is above the maximum " + bounds.max());
            } else {
                values.put(bounds.key(), value);
            }
        }
        Long neighbours = values.get("neighbours");
        Long minStores = values.get("min.stores");
        if (neighbours != null && minStores != null && minStores > neighbours) {
            problems.add("min.stores: " + minStores + " is more than neighbours (" + neighbours
                    + "): no product could ever be recommended");
        }
        Object costs = properties.get("wholesale.costs");
        if (costs != null) {
            costs(strings(costs), problems);
        }
        return problems;
    }

    /** The name of a named factory configuration ({@code east} of {@code org.storelink.recommend~east}). */
    static Optional<String> configurationName(String pid) {
        if (pid == null || !pid.startsWith(FACTORY_PID + "~")) {
            return Optional.empty();
        }
        return Optional.of(pid.substring(FACTORY_PID.length() + 1));
    }

    /** {@code GTIN=minor} entries as GTIN-14 to minor units; problems are added for bad entries. */
    static Map<String, Long> costs(String[] entries, List<String> problems) {
        Map<String, Long> costs = new LinkedHashMap<>();
        // a .cfg file may hold the list as one comma-separated value
        List<String> split = new ArrayList<>();
        for (String value : entries) {
            if (value != null) {
                split.addAll(List.of(value.split(",")));
            }
        }
        for (String entry : split) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                problems.add("wholesale.costs: \"" + entry.trim() + "\" is not GTIN=minor units");
                continue;
            }
            String gtin = entry.substring(0, equals).trim();
            String cost = entry.substring(equals + 1).trim();
            Optional<String> gtinProblem = Gtin.problem(gtin);
            Long minor = whole(cost);
            if (gtinProblem.isPresent()) {
                problems.add("wholesale.costs: \"" + gtin + "\" " + gtinProblem.get());
            } else if (minor == null || minor <= 0) {
                problems.add("wholesale.costs: " + gtin + ": \"" + cost + "\" is not a positive whole number of"
                        + " minor units");
            } else {
                costs.put(Gtin.parse(gtin).value(), minor);
            }
        }
        return costs;
    }

    private static String[] strings(Object value) {
        if (value instanceof String[] array) {
            return array;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toArray(String[]::new);
        }
        return String.valueOf(value).split(",");
    }

    private static Long whole(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long defaultValue(String method) {
        try {
            Method accessor = RecommendConfig.class.getMethod(method);
            return ((Number) accessor.getDefaultValue()).longValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RecommendConfig has no " + method + "()", e);
        }
    }
}
