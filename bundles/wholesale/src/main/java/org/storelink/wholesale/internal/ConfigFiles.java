package org.storelink.wholesale.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.json.Json;

/** Reads the suppliers file and the sourcing file. A missing file is empty; a bad one is refused with reasons. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static List<Supplier> suppliers(Path file) {
        JsonNode root = read(file);
        if (root == null) {
            return List.of();
        }
        try {
            return CatalogReader.suppliersFile(root);
        } catch (CatalogReader.InvalidCatalogException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /**
     * The contracted shares: {@code {"stores": {"sh-campus-001": 0.6, ...}}}, each from 0 to 1 written as a JSON
     * number.
     */
    static Map<String, BigDecimal> sourcing(Path file) {
        JsonNode root = read(file);
        if (root == null) {
            return Map.of();
        }
        return sourcing(root, file.toString());
    }

    static Map<String, BigDecimal> sourcing(JsonNode root, String name) {
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal> shares = new TreeMap<>();
        if (!root.isObject() || !root.path("stores").isObject()) {
            problems.add("stores: is required as an object of store id to share");
        } else {
            root.fieldNames().forEachRemaining(field -> {
                if (!field.equals("stores")) {
                    problems.add(field + ": unknown field");
                }
            });
            root.get("stores").fields().forEachRemaining(entry -> {
                JsonNode value = entry.getValue();
                if (!value.isNumber()) {
                    problems.add("stores." + entry.getKey() + ": must be a number from 0 to 1");
                    return;
                }
                BigDecimal share = value.decimalValue();
                if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                    problems.add("stores." + entry.getKey() + ": must be from 0 to 1, is " + share.toPlainString());
                    return;
                }
                shares.put(entry.getKey(), share);
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + String.join("; ", problems));
        }
        return Map.copyOf(shares);
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage());
        }
    }
}
