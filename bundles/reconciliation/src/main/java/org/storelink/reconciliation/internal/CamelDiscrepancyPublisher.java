package org.storelink.reconciliation.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.storelink.messaging.Addresses;
import org.storelink.model.Discrepancy;
import org.storelink.model.json.Json;

/**
 * Publishes through the {@link RunRoutes#PUBLISH_ROUTE_ID} route, as {@code Discrepancy} JSON with the
 * discrepancy id as the broker's duplicate id, so a re-sent finding is dropped by Artemis.
 */
final class CamelDiscrepancyPublisher implements DiscrepancyPublisher, AutoCloseable {
    private final CamelContext camel;
    private ProducerTemplate producer;

    CamelDiscrepancyPublisher(CamelContext camel) {
        this.camel = camel;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void publish(Discrepancy discrepancy) {
        producer().sendBodyAndHeaders(RunRoutes.PUBLISH_INPUT,
                new String(Json.write(discrepancy), StandardCharsets.UTF_8),
                Map.of(Addresses.DUPLICATE_ID_PROPERTY, discrepancy.discrepancyId()));
    }

    @Override
    public synchronized void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
    }
}
