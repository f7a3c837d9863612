package org.storelink.wholesale.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.json.Json;

/**
 * What a wholesaler sends on {@code partner.<id>.in}, told apart by the message property {@code type} when present
 * ({@code supplier-catalog}, {@code order-response}), else by the first characters of the body: {@code {} a
 * supplier-catalog JSON, {@code <} a UBL OrderResponse, {@code UNA}/{@code UNB} an EDIFACT ORDRSP. Each is read
 * and applied; the reply (on {@code partner.<id>.out}) is JSON.
 */
final class PartnerMessages {
    static final String TYPE_PROPERTY = "type";

    private final WholesaleService service;
    private final Clock clock;

    PartnerMessages(WholesaleService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    enum Kind { CATALOG, UBL_RESPONSE, EDIFACT_RESPONSE }

    static Kind kind(String type, byte[] body) throws PoisonMessageException {
        if (body == null || body.length == 0) {
            throw new PoisonMessageException("$: empty message body");
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            start = start.substring(3);
        }
        if (type != null && !type.isBlank()) {
            switch (type.strip().toLowerCase(Locale.ROOT)) {
                case "supplier-catalog" -> {
                    return Kind.CATALOG;
                }
                case "order-response" -> {
                    return start.startsWith("<") ? Kind.UBL_RESPONSE : Kind.EDIFACT_RESPONSE;
                }
                default -> throw new PoisonMessageException("type: '" + type + "' is not supplier-catalog or"
                        + " order-response");
            }
        }
        if (start.startsWith("{")) {
            return Kind.CATALOG;
        }
        if (start.startsWith("<")) {
            return Kind.UBL_RESPONSE;
        }
        if (start.startsWith("UNA") || start.startsWith("UNB")) {
            return Kind.EDIFACT_RESPONSE;
        }
        throw new PoisonMessageException("$: not a supplier-catalog JSON, a UBL OrderResponse or an EDIFACT ORDRSP");
    }

    /** Reads and applies one message; returns the reply. */
    ObjectNode handle(String partnerId, String type, byte[] body) throws PoisonMessageException {
        Kind kind = kind(type, body);
        if (kind == Kind.CATALOG) {
            return catalog(partnerId, body);
        }
        OrderResponse response;
        try {
            response = kind == Kind.UBL_RESPONSE ? UblResponseReader.read(body) : EdifactResponseReader.read(body);
        } catch (MalformedResponseException e) {
            throw new PoisonMessageException(e.problems());
        }
        PurchaseOrder order;
        try {
            order = service.applyResponse(partnerId, response);
        } catch (MalformedResponseException e) {
            throw new PoisonMessageException(e.problems());
        }
        ObjectNode reply = reply("order-response-accepted");
        reply.put("purchaseOrderId", order.poId());
        reply.put("responseId", response.responseId());
        ArrayNode lines = reply.putArray("lines");
        for (PurchaseOrder.Line line : order.lines()) {
            ObjectNode node = lines.addObject();
            node.put("lineNo", line.lineNo());
            node.put("gtin", line.gtin().value());
            node.put("status", line.status().code());
            if (line.confirmedQuantity() != null) {
                node.put("confirmedQuantity", line.confirmedQuantity());
            }
        }
        return reply;
    }

    private ObjectNode catalog(String partnerId, byte[] body) throws PoisonMessageException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new PoisonMessageException("$: not valid JSON: " + DeadLetters.reason(e));
        }
        List<CatalogProduct> products;
        try {
            products = CatalogReader.message(root, partnerId);
        } catch (CatalogReader.InvalidCatalogException e) {
            throw new PoisonMessageException(e.problems());
        }
        service.catalogReceived(partnerId, products, Json.mapper().valueToTree(root.get("products")).toString());
        ObjectNode reply = reply("supplier-catalog-accepted");
        reply.put("products", products.size());
        return reply;
    }

    private ObjectNode reply(String type) {
        ObjectNode reply = Json.mapper().createObjectNode();
        reply.put("type", type);
        reply.put("at", Instant.now(clock).toString());
        return reply;
    }

    /** The {@code error} reply: the reason and every problem. */
    ObjectNode error(String reason, List<String> problems, String inReplyTo) {
        ObjectNode reply = reply("error");
        if (inReplyTo != null) {
            reply.put("inReplyTo", inReplyTo);
        }
        reply.put("reason", reason);
        ArrayNode list = reply.putArray("problems");
        problems.forEach(list::add);
        return reply;
    }
}
