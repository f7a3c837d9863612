package org.storelink.insights.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.PaymentRecorded;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

/** Reads the canonical events; anything unusable is a {@link PoisonMessageException} naming what is wrong. */
final class EventDecoder {

    private EventDecoder() {
    }

    /** The sale inside goes through the same reader as a store's submission, so each problem names its field. */
    static SaleRecorded sale(byte[] body) throws PoisonMessageException {
        JsonNode root = object(body, "SaleRecorded");
        List<String> problems = new ArrayList<>();
        String eventId = optionalText(root, "eventId");
        String source = optionalText(root, "source");
        Instant recordedAt = null;
        String recorded = optionalText(root, "recordedAt");
        if (recorded != null) {
            try {
                recordedAt = Instant.parse(recorded);
            } catch (DateTimeParseException e) {
                problems.add("recordedAt: must be an ISO-8601 instant");
            }
        }
        LocalDate businessDay = null;
        String day = optionalText(root, "businessDay");
        if (day != null) {
            try {
                businessDay = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode saleNode = root.get("sale");
        SaleReader.Result sale = null;
        if (saleNode == null || !saleNode.isObject()) {
            problems.add("sale: is required as an object");
        } else if (!saleNode.path("storeId").isTextual() || saleNode.get("storeId").asText().isBlank()) {
            problems.add("sale.storeId: is required");
        } else {
            sale = SaleReader.read(Json.write(saleNode), saleNode.get("storeId").asText());
            sale.violations().forEach(v -> problems.add("sale." + v.path() + ": " + v.message()));
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException(String.join("; ", problems));
        }
        return new SaleRecorded(eventId, recordedAt, source, sale.sale(), businessDay);
    }

    static PaymentRecorded payment(byte[] body) throws PoisonMessageException {
        JsonNode root = object(body, "PaymentRecorded");
        List<String> problems = new ArrayList<>();
        if (optionalText(root, "eventId") == null) {
            problems.add("eventId: is required as a non-empty string");
        }
        JsonNode payment = root.get("payment");
        if (payment == null || !payment.isObject()) {
            problems.add("payment: is required as an object");
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException(String.join("; ", problems));
        }
        try {
            return Json.mapper().treeToValue(root, PaymentRecorded.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("$: not a valid PaymentRecorded event: " + rootMessage(e));
        }
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

    private static String optionalText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** The innermost cause's first line: what went wrong, without Jackson's location preamble repeated. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
