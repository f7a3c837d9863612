package org.storelink.delivery.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.storelink.messaging.Addresses;

/** Sends through the {@link DispatchRoutes#SEND} route, with the duplicate id and the message type as properties. */
final class CamelSender implements OutboxDispatcher.Sender, AutoCloseable {
    private final CamelContext camel;
    private ProducerTemplate producer;

    CamelSender(CamelContext camel) {
        this.camel = camel;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void send(String address, String duplicateId, byte[] body) throws Exception {
        Exchange result = producer().send(DispatchRoutes.SEND, exchange -> {
            exchange.setProperty(DispatchRoutes.ADDRESS_PROPERTY, address);
            exchange.getMessage().setHeader(Addresses.DUPLICATE_ID_PROPERTY, duplicateId);
            exchange.getMessage().setHeader(DeliveryMessages.TYPE_PROPERTY, DeliveryMessages.REQUEST_TYPE);
            exchange.getMessage().setBody(body);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
    }

    /** Asks for a dispatcher pass now, without waiting for it. */
    void dispatchSoon() {
        producer().sendBody(DispatchRoutes.NOW, "");
    }

    @Override
    public synchronized void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
    }
}
