package org.storelink.wholesale.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.Money;
import org.storelink.model.json.Json;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.Replenishment;
import org.storelink.wholesale.ReplenishmentLine;
import org.storelink.wholesale.SourcingShare;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.StoreOrderLine;

/** The JSON answers of the REST resources; money as integer minor units plus a formatted string. */
final class WholesaleJson {

    private WholesaleJson() {
    }

    static ObjectNode replenishment(Replenishment r) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("storeId", r.storeId());
        root.put("computedAt", r.computedAt().toOffsetDateTime().toString());
        root.put("historyFrom", r.historyFrom().toString());
        root.put("historyTo", r.historyTo().toString());
        root.put("serviceLevel", r.serviceLevel());
        root.put("z", r.z());
        root.put("reviewPeriodDays", r.reviewPeriodDays());
        ArrayNode lines = root.putArray("lines");
        for (ReplenishmentLine line : r.lines()) {
            ObjectNode node = lines.addObject();
            node.put("gtin", line.gtin().value());
            node.put("name", line.name());
            node.put("supplierId", line.supplierId());
            node.put("packSize", line.packSize());
            node.put("leadTimeDays", line.leadTimeDays());
            node.put("meanDaily", line.meanDaily());
            node.put("sigmaDaily", line.sigmaDaily());
            node.put("reorderPoint", line.reorderPoint());
            node.put("target", line.target());
            node.put("onHand", line.onHand());
            node.put("counted", line.counted());
            node.put("onOrder", line.onOrder());
            node.put("position", line.position());
            node.put("suggestedQuantity", line.suggestedQuantity());
            node.put("packs", line.packs());
            money(node.putObject("unitPrice"), line.unitPrice());
        }
        ArrayNode notOffered = root.putArray("notOffered");
        r.notOffered().forEach(gtin -> notOffered.add(gtin.value()));
        return root;
    }

    static ObjectNode order(StoreOrder order) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("orderId", order.orderId());
        root.put("storeId", order.storeId());
        root.put("status", order.status().code());
        root.put("confirmedAt", order.confirmedAt().toOffsetDateTime().toString());
        ArrayNode value = root.putArray("value");
        order.value().forEach(money -> money(value.addObject(), money));
        ArrayNode lines = root.putArray("lines");
        for (StoreOrderLine line : order.lines()) {
            ObjectNode node = lines.addObject();
            node.put("gtin", line.gtin().value());
            node.put("name", line.name());
            node.put("supplierId", line.supplierId());
            node.put("packSize", line.packSize());
            node.put("quantity", line.quantity());
            if (line.allocatedQuantity() != null) {
                node.put("allocatedQuantity", line.allocatedQuantity());
            }
            money(node.putObject("unitPrice"), line.unitPrice());
            node.put("status", line.status().code());
            if (line.deliveryDate() != null) {
                node.put("deliveryDate", line.deliveryDate().toString());
            }
            if (line.purchaseOrderId() != null) {
                node.put("purchaseOrderId", line.purchaseOrderId());
            }
        }
        return root;
    }

    static ObjectNode purchase(Purchase purchase) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("purchaseId", purchase.purchaseId());
        root.put("storeId", purchase.storeId());
        root.put("day", purchase.day().toString());
        money(root.putObject("amount"), purchase.amount());
        root.put("supplier", purchase.supplier());
        return root;
    }

    static ObjectNode share(SourcingShare share) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("storeId", share.storeId());
        root.put("month", share.month().toString());
        root.put("currency", share.currency());
        root.put("platform", share.platformMinor());
        root.put("total", share.totalMinor());
        share.actual().ifPresentOrElse(actual -> root.put("actual", actual), () -> root.putNull("actual"));
        share.contracted().ifPresentOrElse(c -> root.put("contracted", c), () -> root.putNull("contracted"));
        root.put("belowCommitment", share.belowCommitment());
        ArrayNode others = root.putArray("otherCurrencies");
        share.otherCurrencies().forEach(others::add);
        return root;
    }

    private static void money(ObjectNode node, Money money) {
        node.put("amount", money.minor());
        node.put("currency", money.currency());
        node.put("formatted", money.format());
    }
}
