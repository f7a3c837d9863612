package org.storelink.delivery.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.Coordinates;
import org.storelink.model.Gtin;
import org.storelink.model.json.Json;

/**
 * A store's customer order as it was accepted. The window keeps the offsets the store gave.
 *
 * @param fleet the fleet partner the store named, or null to use its region's default
 */
record OrderRequest(String orderRef, List<Item> items, DropOff dropOff, Window window, String fleet) {

    OrderRequest {
        items = List.copyOf(items);
    }

    /** @param quantity positive, at most 3 decimals (a weight in kg, say) */
    record Item(Gtin gtin, String name, BigDecimal quantity) {
    }

    /**
     * @param coordinates where, when the store knows
     * @param contact     an opaque, pseudonymous reference the fleet resolves through the store; never a phone
     *                    number or a name
     */
    record DropOff(String address, Coordinates coordinates, String contact) {
    }

    record Window(OffsetDateTime from, OffsetDateTime to) {
    }

    /** The request in one canonical JSON form: stored, hashed, and the basis of the delivery-request message. */
    ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("orderRef", orderRef);
        ArrayNode array = root.putArray("items");
        for (Item item : items) {
            array.addObject().put("gtin", item.gtin().value()).put("name", item.name())
                    .put("quantity", item.quantity());
        }
        root.set("dropOff", dropOffJson());
        ObjectNode windowNode = root.putObject("window");
        windowNode.put("from", Times.format(window.from()));
        windowNode.put("to", Times.format(window.to()));
        if (fleet != null) {
            root.put("fleet", fleet);
        }
        return root;
    }

    ObjectNode dropOffJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("address", dropOff.address());
        if (dropOff.coordinates() != null) {
            node.put("latitude", dropOff.coordinates().latitude());
            node.put("longitude", dropOff.coordinates().longitude());
        }
        node.put("contact", dropOff.contact());
        return node;
    }

    /** SHA-256 of the canonical JSON: a resend of the same orderRef is the same order only if this matches. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(toJson()));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    String canonicalText() {
        return new String(Json.write(toJson()), StandardCharsets.UTF_8);
    }
}
