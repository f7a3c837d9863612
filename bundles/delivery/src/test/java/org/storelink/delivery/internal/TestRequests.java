package org.storelink.delivery.internal;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.json.Json;

/** Delivery requests as stores send them. "Now" in these tests is 2026-11-26T09:00:00Z (17:00 in Shanghai). */
final class TestRequests {
    static final String VALID = """
            {"orderRef": "WX-20261126-0042",
             "items": [{"gtin": "6901234567892", "name": "Green tea 500ml", "quantity": 2},
                       {"gtin": "4006381333931", "name": "Bananas", "quantity": 0.532}],
             "dropOff": {"address": "Building 5, Room 301, 220 Handan Rd", "latitude": 31.2975,
                         "longitude": 121.503, "contact": "cust-7f3a9c21"},
             "window": {"from": "2026-11-26T18:00:00+08:00", "to": "2026-11-26T18:45:00+08:00"},
             "fleet": "swift"}
            """;

    private TestRequests() {
    }

    static ObjectNode valid() {
        try {
            return (ObjectNode) Json.mapper().readTree(VALID);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(ObjectNode node) {
        return Json.write(node);
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid request with another orderRef and window. */
    static byte[] order(String orderRef, String from, String to) {
        ObjectNode node = valid();
        node.put("orderRef", orderRef);
        node.putObject("window").put("from", from).put("to", to);
        return bytes(node);
    }

    static byte[] status(String deliveryId, String status, String at, String rider, String reason) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", "delivery-status");
        node.put("deliveryId", deliveryId);
        node.put("status", status);
        node.put("at", at);
        if (rider != null) {
            node.put("rider", rider);
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        return Json.write(node);
    }
}
