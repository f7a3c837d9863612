package org.storelink.delivery.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;

/** The JSON messages storelink sends to a fleet partner on {@code partner.<fleet>.out}. */
final class DeliveryMessages {
    static final String REQUEST_TYPE = "delivery-request";
    static final String ERROR_TYPE = "error";
    /** A JMS property naming the message type, so a fleet can select or route without parsing. */
    static final String TYPE_PROPERTY = "storelinkType";

    private DeliveryMessages() {
    }

    /**
     * The {@code delivery-request}: where to pick up (the store), where to drop off, what, and when. The store's
     * registry holds no street address, so the pickup is the store's id, name and coordinates.
     */
    static byte[] request(String deliveryId, Store store, String fleet, OrderRequest order,
                          OffsetDateTime requestedAt) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", REQUEST_TYPE);
        root.put("deliveryId", deliveryId);
        root.put("orderRef", order.orderRef());
        root.put("fleet", fleet);
        ObjectNode pickup = root.putObject("pickup");
        pickup.put("storeId", store.id());
        pickup.put("name", store.name());
        if (store.coordinates() != null) {
            pickup.put("latitude", store.coordinates().latitude());
            pickup.put("longitude", store.coordinates().longitude());
        }
        pickup.put("zone", store.zone().getId());
        root.set("dropOff", order.dropOffJson());
        root.set("items", order.toJson().get("items"));
        ObjectNode window = root.putObject("window");
        window.put("from", Times.format(order.window().from()));
        window.put("to", Times.format(order.window().to()));
        root.put("requestedAt", Times.format(requestedAt));
        return Json.write(root);
    }

    /**
     * The {@code error} answer to a status message that was refused.
     *
     * @param messageId the refused message's JMS message id, or null
     */
    static byte[] error(StatusRejectedException rejection, String messageId, Instant now) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", ERROR_TYPE);
        ObjectNode inReplyTo = root.putObject("inReplyTo");
        inReplyTo.put("type", StatusReader.TYPE);
        if (messageId != null) {
            inReplyTo.put("messageId", messageId);
        }
        if (rejection.deliveryId() != null) {
            inReplyTo.put("deliveryId", rejection.deliveryId());
        }
        if (rejection.status() != null) {
            inReplyTo.put("status", rejection.status());
        }
        ArrayNode errors = root.putArray("errors");
        for (Violation violation : rejection.violations()) {
            errors.addObject().put("field", violation.path()).put("reason", violation.message());
        }
        root.put("at", Times.format(now.atOffset(ZoneOffset.UTC)));
        return Json.write(root);
    }
}
