package org.storelink.promotions.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.storelink.messaging.Addresses;
import org.storelink.model.json.EventReader;

/** Publishes through {@link ReportRoutes#PUBLISH_ROUTE_ID} with the report's duplicate id for Artemis. */
final class CamelReportPublisher implements BrandReporter.Publisher, AutoCloseable {
    private final CamelContext camel;
    private ProducerTemplate producer;

    CamelReportPublisher(CamelContext camel) {
        this.camel = camel;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void publish(String brand, String duplicateId, String json) {
        Exchange sent = producer().send(ReportRoutes.PUBLISH_INPUT, exchange -> {
            exchange.setProperty(ReportRoutes.BRAND_PROPERTY, brand);
            exchange.getMessage().setBody(json);
            exchange.getMessage().setHeader(CatalogRoutes.TYPE_PROPERTY, ReportJson.REPORT_TYPE);
            exchange.getMessage().setHeader(Addresses.DUPLICATE_ID_PROPERTY, duplicateId);
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("publishing to partner." + brand + ".out failed: "
                    + EventReader.firstLine(sent.getException()), sent.getException());
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
    }
}
