package org.storelink.statements.internal;

import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.storelink.messaging.Addresses;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.json.Json;

/**
 * Sends each event as JSON text to an endpoint: in the platform, a synchronous persistent JMS send to
 * {@code storelink.settlements.recorded}, with the settlement id as the broker's duplicate id.
 */
final class CamelSettlementPublisher implements SettlementPublisher {
    private final ProducerTemplate producer;
    private final String uri;

    CamelSettlementPublisher(ProducerTemplate producer, String uri) {
        this.producer = producer;
        this.uri = uri;
    }

    static String jmsUri() {
        return "jms:topic:" + Addresses.SETTLEMENTS_RECORDED + "?deliveryPersistent=true";
    }

    @Override
    public void publish(SettlementRecorded event) {
        // sendBodyAndHeader throws if the exchange failed, so a send the broker refused is never counted.
        try {
            producer.sendBodyAndHeader(uri, new String(Json.write(event), StandardCharsets.UTF_8),
                    Addresses.DUPLICATE_ID_PROPERTY, event.settlement().settlementId());
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }
}
