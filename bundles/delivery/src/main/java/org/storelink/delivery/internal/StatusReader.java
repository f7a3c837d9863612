package org.storelink.delivery.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.storelink.delivery.DeliveryStatus;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;

/**
 * Reads a fleet's {@code delivery-status} message, naming every bad field. Unknown fields are tolerated (fleets may
 * send more than storelink reads), but {@code type}, when present, must be {@code delivery-status}.
 */
final class StatusReader {
    static final String TYPE = "delivery-status";
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_RIDER = 64;
    static final int MAX_REASON = 200;
    private static final Pattern RIDER = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final ObjectMapper STRICT = Json.mapper().copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StatusReader() {
    }

    static StatusUpdate read(byte[] body) throws StatusRejectedException {
        List<Violation> problems = new ArrayList<>();
        if (body == null || body.length == 0) {
            throw rejected(null, null, "$", "empty message; expected a delivery-status JSON object");
        }
        if (body.length > MAX_BODY) {
            throw rejected(null, null, "$", "message of " + body.length + " bytes, at most " + MAX_BODY);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw rejected(null, null, "$", "not valid JSON: " + Texts.clip(message));
        }
        if (root == null || !root.isObject()) {
            throw rejected(null, null, "$", "must be a JSON object");
        }
        JsonNode type = root.get("type");
        if (type != null && !type.isNull() && !TYPE.equals(type.asText())) {
            problems.add(new Violation("type", "must be " + TYPE + " on this address, got '"
                    + Texts.clip(type.asText()) + "'"));
        }
        String deliveryId = text(root, "deliveryId", problems);
        if (deliveryId != null && !DELIVERY_ID.matcher(deliveryId).matches()) {
            problems.add(new Violation("deliveryId", "is not a delivery id: '" + Texts.clip(deliveryId) + "'"));
            deliveryId = null;
        }
        String statusText = text(root, "status", problems);
        DeliveryStatus status = null;
        if (statusText != null) {
            try {
                status = DeliveryStatus.of(statusText);
                if (!DeliveryStatus.reportable().contains(status)) {
                    problems.add(new Violation("status", "must be one of " + DeliveryStatus.reportableCodes()
                            + ", got '" + statusText + "'"));
                    status = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("status", "must be one of " + DeliveryStatus.reportableCodes()
                        + ", got '" + Texts.clip(statusText) + "'"));
            }
        }
        OffsetDateTime at = null;
        String atText = text(root, "at", problems);
        if (atText != null) {
            try {
                at = Times.parse(atText);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("at", e.getMessage()));
            }
        }
        String rider = optional(root, "rider", problems);
        if (rider != null && (rider.length() > MAX_RIDER || !RIDER.matcher(rider).matches())) {
            problems.add(new Violation("rider", "must be an opaque rider id of 1 to " + MAX_RIDER
                    + " letters, digits, '.', '_', ':' or '-'"));
            rider = null;
        }
        if (status == DeliveryStatus.ASSIGNED && rider == null && !hasViolation(problems, "rider")) {
            problems.add(new Violation("rider", "is required for status assigned"));
        }
        String reason = optional(root, "reason", problems);
        if (reason != null && (reason.length() > MAX_REASON || Texts.hasControl(reason))) {
            problems.add(new Violation("reason", "must be 1 to " + MAX_REASON
                    + " characters without control characters"));
            reason = null;
        }
        if (status == DeliveryStatus.FAILED && reason == null && !hasViolation(problems, "reason")) {
            problems.add(new Violation("reason", "is required for status failed"));
        }
        if (!problems.isEmpty()) {
            throw new StatusRejectedException(deliveryId, statusText == null ? null : Texts.clip(statusText),
                    problems, null);
        }
        return new StatusUpdate(deliveryId, status, at, rider, reason);
    }

    private static boolean hasViolation(List<Violation> problems, String field) {
        return problems.stream().anyMatch(v -> v.path().equals(field));
    }

    private static String text(JsonNode root, String field, List<Violation> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add(new Violation(field, "is required"));
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Violation(field, "must be a non-empty string"));
            return null;
        }
        return node.asText().strip();
    }

    private static String optional(JsonNode root, String field, List<Violation> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Violation(field, "must be a non-empty string when given"));
            return null;
        }
        return node.asText().strip();
    }

    private static StatusRejectedException rejected(String deliveryId, String status, String field, String reason) {
        return new StatusRejectedException(deliveryId, status, List.of(new Violation(field, reason)), null);
    }
}
