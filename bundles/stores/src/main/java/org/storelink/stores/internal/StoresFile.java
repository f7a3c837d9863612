package org.storelink.stores.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.storelink.model.AreaProfile;
import org.storelink.model.Coordinates;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.model.json.Json;

/**
 * Reads {@code storelink-stores.json}: {@code {"regions":[{"id","name"}], "stores":[{"id","name","region","area",
 * "zone","secret","latitude","longitude"}]}}. Regions are optional; a region a store names without a definition
 * is named after its id. Every problem is reported with its path; a file with any problem is not used. Fragment
 * files ({@code storelink-stores.d/*.json}) have the same form and are combined with {@link Merge}.
 */
final class StoresFile {
    static final int MIN_SECRET_LENGTH = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    record Entry(Store store, byte[] secret) {
    }

    /**
     * @param definedRegions the ids of the regions the file defines in {@code regions}; the others in
     *     {@link #regions()} are only named by its stores
     */
    record Content(Map<String, Entry> stores, Map<String, Region> regions, List<String> problems,
                   Set<String> definedRegions) {
        /** Every region counts as defined. */
        Content(Map<String, Entry> stores, Map<String, Region> regions, List<String> problems) {
            this(stores, regions, problems, Set.copyOf(regions.keySet()));
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Merges the contents of several files: the main file, then its fragments. A file whose store or defined
     * region is already defined by a file added before is not added at all; {@link #conflicts} says why. A region
     * that stores only name takes the name a file defines for it, wherever that file is in the order.
     */
    static final class Merge {
        private final Map<String, Entry> stores = new TreeMap<>();
        private final Map<String, String> storeOrigin = new HashMap<>();
        private final Map<String, Region> defined = new TreeMap<>();
        private final Map<String, String> regionOrigin = new HashMap<>();
        private final Map<String, Region> named = new TreeMap<>();

        /** Why {@code content} (read from {@code origin}) cannot be added: each id already defined, and where. */
        List<String> conflicts(Content content) {
            List<String> conflicts = new ArrayList<>();
            for (String id : content.definedRegions()) {
                if (regionOrigin.containsKey(id)) {
                    conflicts.add("region \"" + id + "\" is already defined in " + regionOrigin.get(id));
                }
            }
            for (String id : content.stores().keySet()) {
                if (storeOrigin.containsKey(id)) {
                    conflicts.add("store \"" + id + "\" is already defined in " + storeOrigin.get(id));
                }
            }
            return conflicts;
        }

        /** Adds {@code content} when it has no conflicts; returns them otherwise, adding nothing. */
        List<String> add(String origin, Content content) {
            List<String> conflicts = conflicts(content);
            if (!conflicts.isEmpty()) {
                return conflicts;
            }
            content.regions().forEach((id, region) -> {
                if (content.definedRegions().contains(id)) {
                    defined.put(id, region);
                    regionOrigin.put(id, origin);
                } else {
                    named.putIfAbsent(id, region);
                }
            });
            content.stores().forEach((id, entry) -> {
                stores.put(id, entry);
                storeOrigin.put(id, origin);
            });
            return conflicts;
        }

        Content content() {
            Map<String, Region> regions = new TreeMap<>(named);
            regions.putAll(defined);
            return new Content(new TreeMap<>(stores), regions, List.of(), Set.copyOf(defined.keySet()));
        }
    }

    private StoresFile() {
    }

    static Content parse(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> stores = new TreeMap<>();
        Map<String, Region> regions = new TreeMap<>();
        Set<String> defined = new HashSet<>();
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add("$: not valid JSON: " + e.getOriginalMessage());
            return new Content(stores, regions, problems);
        } catch (java.io.IOException e) {
            problems.add("$: cannot be read: " + e.getMessage());
            return new Content(stores, regions, problems);
        }
        if (root == null || !root.isObject()) {
            problems.add("$: must be a JSON object with a \"stores\" array");
            return new Content(stores, regions, problems);
        }
        JsonNode regionNodes = root.path("regions");
        if (!regionNodes.isMissingNode() && !regionNodes.isArray()) {
            problems.add("regions: must be an array");
        }
        for (int i = 0; i < regionNodes.size(); i++) {
            String path = "regions[" + i + "]";
            String id = text(regionNodes.get(i), "id", path, problems);
            String name = text(regionNodes.get(i), "name", path, problems);
            if (id != null && name != null) {
                if (!ID.matcher(id).matches()) {
                    problems.add(path + ".id: must be 1-64 letters, digits, '.', '_' or '-'");
                } else if (regions.putIfAbsent(id, new Region(id, name)) != null) {
                    problems.add(path + ".id: region \"" + id + "\" is defined twice");
                } else {
                    defined.add(id);
                }
            }
        }
        JsonNode storeNodes = root.path("stores");
        if (!storeNodes.isArray()) {
            problems.add("stores: must be an array");
            return new Content(stores, regions, problems, Set.copyOf(defined));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < storeNodes.size(); i++) {
            readStore(storeNodes.get(i), "stores[" + i + "]", seen, problems)
                    .ifPresent(entry -> stores.put(entry.store().id(), entry));
        }
        for (Entry entry : stores.values()) {
            String region = entry.store().region();
            regions.putIfAbsent(region, new Region(region, region));
        }
        return new Content(stores, regions, problems, Set.copyOf(defined));
    }

    private static java.util.Optional<Entry> readStore(JsonNode node, String path, Set<String> seen,
                                                       List<String> problems) {
        int before = problems.size();
        String id = text(node, "id", path, problems);
        String name = text(node, "name", path, problems);
        String region = text(node, "region", path, problems);
        String area = text(node, "area", path, problems);
        String zone = text(node, "zone", path, problems);
        String secret = text(node, "secret", path, problems);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                problems.add(path + ".id: must be 1-64 letters, digits, '.', '_' or '-'");
            } else if (!seen.add(id)) {
                problems.add(path + ".id: store \"" + id + "\" is defined twice");
            }
        }
        AreaProfile areaProfile = null;
        if (area != null) {
            try {
                areaProfile = AreaProfile.parse(area);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".area: " + e.getMessage());
            }
        }
        ZoneId zoneId = null;
        if (zone != null) {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(path + ".zone: unknown time zone \"" + zone + "\" (use a region id such as Asia/Shanghai)");
            }
        }
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            problems.add(path + ".secret: must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        Coordinates coordinates = null;
        JsonNode lat = node == null ? null : node.get("latitude");
        JsonNode lon = node == null ? null : node.get("longitude");
        if (lat != null || lon != null) {
            if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
                problems.add(path + ": latitude and longitude must both be numbers");
            } else {
                try {
                    coordinates = new Coordinates(lat.doubleValue(), lon.doubleValue());
                } catch (IllegalArgumentException e) {
                    problems.add(path + ": " + e.getMessage());
                }
            }
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        Store store = new Store(id, name, region, areaProfile, zoneId, coordinates);
        return java.util.Optional.of(new Entry(store, secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            problems.add(path + "." + field + ": is required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(path + "." + field + ": must be a non-empty string");
            return null;
        }
        return value.asText();
    }
}
