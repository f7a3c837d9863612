package org.storelink.wholesale.internal;

import java.io.IOException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.wholesale.Delivery;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.WholesaleRequestException;

/** Reads the JSON bodies of the REST resources, naming every problem by field; unknown fields are refused. */
final class RequestReader {

    private RequestReader() {
    }

    /** {@code {"lines": [{"gtin": "...", "quantity": 24}]}}; no body, {@code {}} or no lines: the suggestion. */
    static List<Quantity> order(byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        JsonNode root = object(body);
        List<Violation> problems = new ArrayList<>();
        unknown(root, Set.of("lines"), problems);
        List<Quantity> lines = root.has("lines") && !root.get("lines").isNull()
                ? lines(root.get("lines"), problems, true) : List.of();
        check(problems);
        return lines;
    }

    /** {@code {"countedAt": "2026-11-26T21:00:00+08:00", "lines": [...]}}. */
    static StockCount stockCount(byte[] body) {
        JsonNode root = object(body);
        List<Violation> problems = new ArrayList<>();
        unknown(root, Set.of("countedAt", "lines"), problems);
        OffsetDateTime at = dateTime(root, "countedAt", problems);
        List<Quantity> lines = lines(root.get("lines"), problems, false);
        check(problems);
        return new StockCount(at, lines);
    }

    /** {@code {"receivedAt": "...", "orderId": "SO-..." (optional), "lines": [...]}}. */
    static Delivery delivery(byte[] body) {
        JsonNode root = object(body);
        List<Violation> problems = new ArrayList<>();
        unknown(root, Set.of("receivedAt", "orderId", "lines"), problems);
        OffsetDateTime at = dateTime(root, "receivedAt", problems);
        Optional<String> orderId = Optional.empty();
        JsonNode order = root.get("orderId");
        if (order != null && !order.isNull()) {
            if (!order.isTextual() || order.asText().isBlank() || order.asText().length() > 40) {
                problems.add(new Violation("orderId", "must be an order id such as SO-20261126-7K2M9QXR"));
            } else {
                orderId = Optional.of(order.asText());
            }
        }
        List<Quantity> lines = lines(root.get("lines"), problems, false);
        check(problems);
        return new Delivery(at, orderId, lines);
    }

    /** {@code {"day": "2026-11-20", "amount": 12000, "currency": "CNY", "supplier": "Metro"}}. */
    static Purchase purchase(byte[] body, String storeId) {
        JsonNode root = object(body);
        List<Violation> problems = new ArrayList<>();
        unknown(root, Set.of("day", "amount", "currency", "supplier"), problems);
        LocalDate day = null;
        JsonNode dayNode = root.get("day");
        try {
            day = LocalDate.parse(dayNode == null ? "" : dayNode.asText());
        } catch (DateTimeParseException e) {
            problems.add(new Violation("day", "is required as a date YYYY-MM-DD"));
        }
        String currency = root.path("currency").asText("");
        try {
            Money.exponent(currency);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("currency", e.getMessage()));
            currency = null;
        }
        JsonNode amount = root.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
            problems.add(new Violation("amount", "is required as a whole number of minor units"));
        }
        JsonNode supplier = root.get("supplier");
        if (supplier == null || !supplier.isTextual() || supplier.asText().isBlank()) {
            problems.add(new Violation("supplier", "is required as a non-empty string"));
        }
        check(problems);
        return new Purchase(null, storeId, day, new Money(amount.asLong(), currency), supplier.asText());
    }

    private static List<Quantity> lines(JsonNode list, List<Violation> problems, boolean wholeUnits) {
        List<Quantity> lines = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Violation("lines", "is required as an array of {gtin, quantity}"));
            return lines;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "lines[" + i + "]";
            JsonNode line = list.get(i);
            if (!line.isObject()) {
                problems.add(new Violation(at, "must be an object {gtin, quantity}"));
                continue;
            }
            unknown(line, Set.of("gtin", "quantity"), problems, at + ".");
            Gtin gtin = null;
            String raw = line.path("gtin").isTextual() ? line.get("gtin").asText() : null;
            Optional<String> problem = Gtin.problem(raw);
            if (problem.isPresent()) {
                problems.add(new Violation(at + ".gtin", problem.get()));
            } else {
                gtin = Gtin.parse(raw);
            }
            JsonNode quantity = line.get("quantity");
            if (quantity == null || !quantity.isNumber()) {
                problems.add(new Violation(at + ".quantity", "is required as a number"));
            } else if (wholeUnits && !quantity.isIntegralNumber()) {
                problems.add(new Violation(at + ".quantity", "must be a whole number of units"));
            } else if (gtin != null) {
                lines.add(new Quantity(gtin, quantity.decimalValue()));
            }
        }
        return lines;
    }

    private static OffsetDateTime dateTime(JsonNode root, String field, List<Violation> problems) {
        JsonNode node = root.get(field);
        try {
            return OffsetDateTime.parse(node == null ? "" : node.asText());
        } catch (DateTimeParseException e) {
            problems.add(new Violation(field, "is required as an ISO-8601 date-time with offset"));
            return null;
        }
    }

    private static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new WholesaleRequestException("$", "is not valid JSON: " + DeadLetters.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw new WholesaleRequestException("$", "must be a JSON object");
        }
        return root;
    }

    private static void unknown(JsonNode node, Set<String> known, List<Violation> problems) {
        unknown(node, known, problems, "");
    }

    private static void unknown(JsonNode node, Set<String> known, List<Violation> problems, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new Violation(prefix + name, "unknown field"));
            }
        });
    }

    private static void check(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new WholesaleRequestException(problems);
        }
    }

}
