package org.storelink.promotions.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

/** Reads a {@code SaleRecorded} event; anything unusable is a {@link PoisonMessageException} naming the field. */
final class EventDecoder {

    private EventDecoder() {
    }

    static SaleRecorded sale(byte[] body) throws PoisonMessageException {
        if (body == null || body.length == 0) {
            throw new PoisonMessageException("$: empty message body, expected a SaleRecorded JSON event");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new PoisonMessageException("$: not a SaleRecorded JSON event: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("$: not a SaleRecorded JSON event: expected a JSON object");
        }
        List<String> problems = new ArrayList<>();
        Instant recordedAt = null;
        String recorded = text(root, "recordedAt");
        if (recorded != null) {
            try {
                recordedAt = Instant.parse(recorded);
            } catch (DateTimeParseException e) {
                problems.add("recordedAt: must be an ISO-8601 instant");
            }
        }
        LocalDate businessDay = null;
        String day = text(root, "businessDay");
        if (day != null) {
            try {
                businessDay = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode sale = root.get("sale");
        SaleReader.Result read = null;
        if (sale == null || !sale.isObject()) {
            problems.add("sale: is required as an object");
        } else if (text(sale, "storeId") == null) {
            problems.add("sale.storeId: is required");
        } else {
            read = SaleReader.read(Json.write(sale), sale.get("storeId").asText());
            read.violations().forEach(v -> problems.add("sale." + v.path() + ": " + v.message()));
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException(String.join("; ", problems));
        }
        return new SaleRecorded(text(root, "eventId"), recordedAt, text(root, "source"), read.sale(), businessDay);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
