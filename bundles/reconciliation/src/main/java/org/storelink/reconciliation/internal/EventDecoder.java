package org.storelink.reconciliation.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.PaymentRecorded;
import org.storelink.model.SaleRecorded;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

/**
 * Reads the three events reconciliation consumes. Whatever cannot be read becomes a {@link PoisonMessageException}
 * whose message names the field ({@code payment.amount: ...}), for the dead letter's reason.
 */
final class EventDecoder {

    private EventDecoder() {
    }

    /** The sale goes through the same reader as a store's submission, so the ledger and we agree on what is valid. */
    static SaleRecorded sale(byte[] body) throws PoisonMessageException {
        JsonNode root = object(body, "SaleRecorded");
        List<String> problems = new ArrayList<>();
        String eventId = text(root, "eventId", problems);
        Instant recordedAt = instant(root, "recordedAt", problems);
        String source = text(root, "source", problems);
        LocalDate businessDay = null;
        JsonNode day = root.get("businessDay");
        if (day != null && !day.isNull()) {
            try {
                businessDay = LocalDate.parse(day.asText());
            } catch (DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode saleNode = root.get("sale");
        SaleReader.Result sale = null;
        if (saleNode == null || !saleNode.isObject()) {
            problems.add("sale: is required");
        } else if (!saleNode.path("storeId").isTextual()) {
            problems.add("sale.storeId: is required");
        } else {
            sale = SaleReader.read(Json.write(saleNode), saleNode.get("storeId").asText());
            sale.violations().forEach(v -> problems.add("sale." + v.path() + ": " + v.message()));
        }
        failOn(problems);
        return new SaleRecorded(eventId, recordedAt, source, sale.sale(), businessDay);
    }

    static PaymentRecorded payment(byte[] body) throws PoisonMessageException {
        JsonNode root = object(body, "PaymentRecorded");
        List<String> problems = new ArrayList<>();
        text(root, "eventId", problems);
        instant(root, "recordedAt", problems);
        if (!root.path("payment").isObject()) {
            problems.add("payment: is required");
        }
        failOn(problems);
        return bind(root, PaymentRecorded.class);
    }

    static SettlementRecorded settlement(byte[] body) throws PoisonMessageException {
        JsonNode root = object(body, "SettlementRecorded");
        List<String> problems = new ArrayList<>();
        text(root, "eventId", problems);
        instant(root, "recordedAt", problems);
        if (!root.path("settlement").isObject()) {
            problems.add("settlement: is required");
        }
        failOn(problems);
        return bind(root, SettlementRecorded.class);
    }

    private static JsonNode object(byte[] body, String type) throws PoisonMessageException {
        if (body == null || body.length == 0) {
            throw new PoisonMessageException("$: empty message body, expected a " + type + " JSON event");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new PoisonMessageException("$: not a " + type + " JSON event: " + rootMessage(e));
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("$: not a " + type + " JSON event: expected a JSON object");
        }
        return root;
    }

    private static <T> T bind(JsonNode root, Class<T> type) throws PoisonMessageException {
        try {
            return Json.mapper().treeToValue(root, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new PoisonMessageException((path.isEmpty() ? "$" : path) + ": " + rootMessage(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("$: " + rootMessage(e));
        }
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(field + ": is required as a non-empty string");
            return null;
        }
        return value.asText();
    }

    private static Instant instant(JsonNode root, String field, List<String> problems) {
        String text = text(root, field, problems);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field + ": must be an ISO-8601 instant");
            return null;
        }
    }

    private static void failOn(List<String> problems) throws PoisonMessageException {
        if (!problems.isEmpty()) {
            throw new PoisonMessageException(String.join("; ", problems));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
