package org.storelink.recommend.internal;

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

/**
 * Reads a {@code SaleRecorded} event from the wire. The sale goes through the platform's own {@link SaleReader},
 * so a bad event is refused with every problem named by its path ({@code sale.lines[0].gtin: ...}).
 */
final class SaleEvents {

    private SaleEvents() {
    }

    static SaleRecorded decode(byte[] body) throws PoisonMessageException {
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
        String eventId = requiredText(root, "eventId", problems);
        String source = requiredText(root, "source", problems);
        String recorded = requiredText(root, "recordedAt", problems);
        Instant recordedAt = null;
        if (recorded != null) {
            try {
                recordedAt = Instant.parse(recorded);
            } catch (DateTimeParseException e) {
                problems.add("recordedAt: must be an ISO-8601 instant");
            }
        }
        LocalDate businessDay = null;
        JsonNode day = root.path("businessDay");
        if (!day.isMissingNode() && !day.isNull()) {
            try {
                businessDay = LocalDate.parse(day.asText());
            } catch (DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode saleNode = root.path("sale");
        SaleReader.Result sale = null;
        if (!saleNode.isObject()) {
            problems.add("sale: is required");
        } else if (!saleNode.path("storeId").isTextual()) {
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

    private static String requiredText(JsonNode root, String field, List<String> problems) {
        JsonNode value = root.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(field + ": is required as a non-empty string");
            return null;
        }
        return value.asText();
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
