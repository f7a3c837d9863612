package org.storelink.console.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.RegionalConfigCheck;
import org.storelink.stores.StoreRegistry;

/**
 * Switches regional modules on and off per region through ConfigurationAdmin: module {@code m} in region {@code r} is
 * the named factory configuration {@code org.storelink.m~r}, which Karaf keeps in
 * {@code etc/org.storelink.m-r.cfg}. What runs in OSGi (is a configuration's service up? what keys does the module's
 * metatype declare?) comes through {@link Environment}, so this class is testable with a mocked ConfigurationAdmin.
 */
public final class RegionAdmin {
    /** The regional modules of the platform; others are recognised by their metatype or configuration check. */
    public static final Set<String> MODULES = Set.of("recommend", "branding");
    private static final Set<String> HIDDEN = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "region", "component.name", "component.id");

    /** What the running framework knows about regional modules. */
    public interface Environment {
        /** Whether a service was registered from the configuration with this PID (the module's instance is up). */
        boolean active(String pid);

        /** The module's own configuration check, when its bundle offers one. */
        Optional<RegionalConfigCheck> check(String module);

        /** The keys the module's metatype declares for {@code org.storelink.<module>}, when it has one. */
        Optional<Map<String, Key>> keys(String module);
    }

    /**
     * A configuration key from metatype.
     *
     * @param type {@code String.class}, {@code Integer.class}, ...: what a value is converted to
     * @param validate the metatype's own check of a value: null or empty when valid, else the problem
     */
    public record Key(String id, Class<?> type, boolean required, boolean multiple, Function<String, String> validate) {
    }

    /** @param state {@code active}, {@code invalid (...)}, {@code pending (...)} or {@code disabled} */
    public record Row(String region, String regionName, String module, String state, String pid,
            Map<String, Object> values) {
    }

    private final ConfigurationAdmin configurations;
    private final StoreRegistry stores;
    private final Environment environment;

    public RegionAdmin(ConfigurationAdmin configurations, StoreRegistry stores, Environment environment) {
        this.configurations = configurations;
        this.stores = stores;
        this.environment = environment;
    }

    public static String factoryPid(String module) {
        return "org.storelink." + module;
    }

    /** Every region of the registry by every known module, plus configurations naming a region the registry lacks. */
    public List<Row> list() throws IOException {
        Map<String, String> regionNames = new TreeMap<>();
        stores.regions().forEach(region -> regionNames.put(region.id(), region.name()));
        regions(stores).forEach(id -> regionNames.putIfAbsent(id, id));
        Set<String> modules = new TreeSet<>(MODULES);
        Map<String, Map<String, List<Configuration>>> byModule = new TreeMap<>();
        for (String module : modules) {
            Map<String, List<Configuration>> byRegion = new TreeMap<>();
            for (Configuration configuration : configurationsOf(module)) {
                byRegion.computeIfAbsent(regionOf(module, configuration), r -> new ArrayList<>()).add(configuration);
            }
            byModule.put(module, byRegion);
        }
        Set<String> regions = new TreeSet<>(regionNames.keySet());
        byModule.values().forEach(byRegion -> regions.addAll(byRegion.keySet()));
        List<Row> rows = new ArrayList<>();
        for (String region : regions) {
            String name = regionNames.getOrDefault(region, "(not in the store registry)");
            for (String module : modules) {
                List<Configuration> found = byModule.get(module).getOrDefault(region, List.of());
                if (found.isEmpty()) {
                    rows.add(new Row(region, name, module, "disabled", "", Map.of()));
                }
                for (Configuration configuration : found) {
                    Map<String, Object> properties = map(configuration.getProperties());
                    rows.add(new Row(region, name, module, state(module, configuration.getPid(), properties),
                            configuration.getPid(), shown(properties)));
                }
            }
        }
        return rows;
    }

    private String state(String module, String pid, Map<String, Object> properties) {
        if (environment.active(pid)) {
            return "active";
        }
        List<String> problems = problems(module, pid, properties);
        if (!problems.isEmpty()) {
            return "invalid (" + String.join("; ", problems) + ")";
        }
        return "pending (valid, but no instance is up: is the module's feature installed and are its services, such"
                + " as the database and the broker, available?)";
    }

    /** The module's own check where it has one; else its metatype and the region. */
    private List<String> problems(String module, String pid, Map<String, Object> properties) {
        Optional<RegionalConfigCheck> check = environment.check(module);
        if (check.isPresent()) {
            return check.get().problems(pid, properties);
        }
        List<String> problems = new ArrayList<>();
        Object region = properties.get("region");
        if (region == null || String.valueOf(region).isBlank()) {
            problems.add("region: is required");
        } else if (!regions(stores).contains(String.valueOf(region).trim())) {
            problems.add("region: \"" + region + "\" is not a region of the store registry");
        }
        environment.keys(module).ifPresent(keys -> keys.values().forEach(key -> {
            Object value = properties.get(key.id());
            if (value == null) {
                if (key.required() && !key.id().equals("region")) {
                    problems.add(key.id() + ": is required");
                }
                return;
            }
            for (String single : values(value)) {
                String problem = key.validate().apply(single);
                if (problem != null && !problem.isEmpty()) {
                    problems.add(key.id() + ": " + problem);
                }
            }
        }));
        return problems;
    }

    /** The result of {@link #enable}: whether the configuration is new, and its PID. */
    public record Enabled(String pid, boolean created, Map<String, Object> values) {
    }

    /**
     * Creates or updates the region's configuration of the module, with the given {@code key=value} settings on top
     * of what it has. Keys are checked against the module's metatype, and the whole against the module's own check,
     * before anything is written.
     */
    public Enabled enable(String module, String region, List<String> settings) throws IOException {
        knownModule(module);
        knownRegion(region);
        Optional<Map<String, Key>> keys = environment.keys(module);
        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                problems.add("\"" + setting + "\" is not key=value");
                continue;
            }
            String key = setting.substring(0, equals).trim();
            String value = setting.substring(equals + 1).trim();
            if (key.equals("region")) {
                if (!value.equals(region)) {
                    problems.add("region: the region is given as the command's argument (" + region + "), not as "
                            + value);
                }
                continue;
            }
            if (keys.isEmpty()) {
                changes.put(key, value);
                continue;
            }
            Key declared = keys.get().get(key);
            if (declared == null) {
                problems.add(key + ": not a key of module " + module + " (keys: "
                        + String.join(", ", new TreeSet<>(keys.get().keySet())) + ")");
                continue;
            }
            Object converted = convert(declared, value, problems);
            if (converted != null) {
                changes.put(key, converted);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(module + " in region " + region + " not enabled: "
                    + String.join("; ", problems));
        }
        String factoryPid = factoryPid(module);
        Configuration configuration = configurations.getFactoryConfiguration(factoryPid, region, "?");
        Dictionary<String, Object> existing = configuration.getProperties();
        boolean created = existing == null;
        Map<String, Object> merged = created ? new LinkedHashMap<>() : map(existing);
        merged.putAll(changes);
        merged.put("region", region);
        Optional<RegionalConfigCheck> check = environment.check(module);
        if (check.isPresent()) {
            List<String> refused = check.get().problems(configuration.getPid(), merged);
            if (!refused.isEmpty()) {
                throw new IllegalArgumentException(module + " in region " + region + " not enabled: "
                        + String.join("; ", refused));
            }
        }
        Hashtable<String, Object> written = new Hashtable<>();
        merged.forEach((key, value) -> {
            if (!key.equals("service.pid") && !key.equals("service.factoryPid")) {
                written.put(key, value);
            }
        });
        configuration.update(written);
        return new Enabled(configuration.getPid(), created, shown(merged));
    }

    /** Deletes the region's configuration(s) of the module; its instance goes away with them. */
    public List<String> disable(String module, String region) throws IOException {
        knownModule(module);
        List<String> deleted = new ArrayList<>();
        for (Configuration configuration : configurationsOf(module)) {
            if (region.equals(regionOf(module, configuration))) {
                deleted.add(configuration.getPid());
                configuration.delete();
            }
        }
        if (deleted.isEmpty()) {
            knownRegion(region);
            throw new IllegalArgumentException(module + " is not enabled in region " + region + ": there is no "
                    + factoryPid(module) + "-" + region + ".cfg configuration");
        }
        return deleted;
    }

    private void knownModule(String module) {
        if (module == null || !MODULES.contains(module) && environment.keys(module).isEmpty()
                && environment.check(module).isEmpty()) {
            throw new IllegalArgumentException("unknown regional module \"" + module + "\": the regional modules are "
                    + String.join(", ", new TreeSet<>(MODULES)));
        }
    }

    /** The ids of every region of the registry, including regions stores name without defining them. */
    static Set<String> regions(StoreRegistry stores) {
        Set<String> regions = new TreeSet<>();
        stores.regions().stream().map(Region::id).forEach(regions::add);
        stores.stores().stream().map(Store::region).filter(r -> r != null && !r.isBlank()).forEach(regions::add);
        return regions;
    }

    private void knownRegion(String region) {
        Set<String> regions = regions(stores);
        if (region == null || !regions.contains(region)) {
            throw new IllegalArgumentException("unknown region \"" + region + "\": the store registry's regions are "
                    + (regions.isEmpty() ? "none" : String.join(", ", regions)));
        }
    }

    private List<Configuration> configurationsOf(String module) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(service.factoryPid=" + factoryPid(module) + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("module name \"" + module + "\" is not usable in a filter", e);
        }
    }

    /** The {@code region} it states, else its name ({@code east} of {@code org.storelink.recommend~east}). */
    static String regionOf(String module, Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object region = properties == null ? null : properties.get("region");
        if (region != null && !String.valueOf(region).isBlank()) {
            return String.valueOf(region).trim();
        }
        String pid = configuration.getPid();
        String prefix = factoryPid(module) + "~";
        return pid != null && pid.startsWith(prefix) ? pid.substring(prefix.length()) : "(no region)";
    }

    private static Object convert(Key key, String value, List<String> problems) {
        List<String> parts = key.multiple() ? List.of(value.split(",")) : List.of(value);
        List<Object> converted = new ArrayList<>();
        for (String raw : parts) {
            String part = raw.trim();
            String problem = key.validate().apply(part);
            if (problem != null && !problem.isEmpty()) {
                problems.add(key.id() + ": " + problem);
                return null;
            }
            try {
                converted.add(typed(key.type(), part));
            } catch (IllegalArgumentException e) {
                problems.add(key.id() + ": \"" + part + "\" is not " + article(key.type()));
                return null;
            }
        }
        if (!key.multiple()) {
            return converted.get(0);
        }
        return key.type() == String.class ? converted.toArray(new String[0]) : converted.toArray();
    }

    private static Object typed(Class<?> type, String value) {
        if (type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == Double.class) {
            return Double.valueOf(value);
        }
        if (type == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(value);
            }
            return Boolean.valueOf(value);
        }
        return value;
    }

    private static String article(Class<?> type) {
        return type == Integer.class || type == Long.class ? "a whole number"
                : type == Double.class ? "a number" : type == Boolean.class ? "true or false" : "valid";
    }

    private static List<String> values(Object value) {
        if (value instanceof Object[] array) {
            List<String> values = new ArrayList<>();
            for (Object element : array) {
                values.add(String.valueOf(element));
            }
            return values;
        }
        return List.of(String.valueOf(value));
    }

    static Map<String, Object> map(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (dictionary != null) {
            for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                map.put(key, dictionary.get(key));
            }
        }
        return map;
    }

    private static Map<String, Object> shown(Map<String, Object> properties) {
        Map<String, Object> shown = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (!HIDDEN.contains(key) && !key.startsWith(".")) {
                shown.put(key, value instanceof Object[] array ? String.join(",", values(array)) : value);
            }
        });
        return Collections.unmodifiableMap(shown);
    }
}
