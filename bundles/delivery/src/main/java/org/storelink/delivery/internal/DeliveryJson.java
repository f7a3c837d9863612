package org.storelink.delivery.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.delivery.DayCounts;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.StatusChange;
import org.storelink.delivery.Submission;
import org.storelink.model.json.Json;

/** The JSON a store reads from the deliveries endpoints. */
final class DeliveryJson {
    private DeliveryJson() {
    }

    static ObjectNode submission(Submission submission, String location) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("deliveryId", submission.deliveryId());
        node.put("fleet", submission.fleet());
        node.put("status", submission.outcome() == Submission.Outcome.CREATED ? "created" : "existing");
        node.put("location", location);
        return node;
    }

    static ObjectNode day(DeliveryDay day) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("storeId", day.storeId());
        node.put("day", day.day().toString());
        node.put("zone", day.zone().getId());
        node.put("asOf", day.asOf().toString());
        DayCounts counts = day.counts();
        node.putObject("counts").put("total", counts.total()).put("delivered", counts.delivered())
                .put("onTime", counts.onTime()).put("late", counts.late()).put("failed", counts.failed())
                .put("open", counts.open());
        ArrayNode deliveries = node.putArray("deliveries");
        day.deliveries().forEach(delivery -> deliveries.add(delivery(delivery, false)));
        return node;
    }

    static ObjectNode delivery(DeliveryView delivery, boolean withHistory) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("deliveryId", delivery.deliveryId());
        node.put("orderRef", delivery.orderRef());
        node.put("fleet", delivery.fleet());
        node.put("status", delivery.status().code());
        node.putObject("window").put("from", Times.format(delivery.windowFrom()))
                .put("to", Times.format(delivery.windowTo()));
        node.put("requestedAt", Times.format(delivery.requestedAt()));
        node.put("statusAt", Times.format(delivery.statusAt()));
        node.put("deliveredAt", Times.format(delivery.deliveredAt()));
        node.put("rider", delivery.rider());
        node.put("reason", delivery.reason());
        node.put("dispatched", delivery.dispatchedAt() != null);
        node.put("late", delivery.late());
        if (withHistory) {
            ArrayNode history = node.putArray("history");
            for (StatusChange change : delivery.history()) {
                ObjectNode entry = history.addObject();
                entry.put("status", change.status().code());
                entry.put("at", Times.format(change.at()));
                if (change.rider() != null) {
                    entry.put("rider", change.rider());
                }
                if (change.reason() != null) {
                    entry.put("reason", change.reason());
                }
            }
        }
        return node;
    }
}
