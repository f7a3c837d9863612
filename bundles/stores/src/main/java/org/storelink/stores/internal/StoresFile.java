package org.storelink.stores.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * is named after its id. Every problem is reported with its path; a file with any problem is not used.
 */
final class StoresFile {
    static final int MIN_SECRET_LENGTH = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    record Entry(Store store, byte[] secret) {
    }

    record Content(Map<String, Entry> stores, Map<String, Region> regions, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private StoresFile() {
    }

    static Content parse(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> stores = new TreeMap<>();
        Map<String, Region> regions = new TreeMap<>();
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
                }
            }
        }
        JsonNode storeNodes = root.path("stores");
        if (!storeNodes.isArray()) {
            problems.add("stores: must be an array");
            return new Content(stores, regions, problems);
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
        return new Content(stores, regions, problems);
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
