package org.storelink.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.storelink.messaging.Addresses;
import org.storelink.model.Sale;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;

/**
 * Publishes sales of one import on one connection. Each send is a synchronous persistent send: when it returns,
 * the broker has the sale. The sale id is the broker's duplicate id, so a re-imported file adds nothing.
 */
final class SalePublisher implements Importer.Publisher {
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final String source;
    private final Clock clock;

    SalePublisher(ConnectionFactory connectionFactory, String source, Clock clock) {
        this.source = source;
        this.clock = clock;
        try {
            connection = connectionFactory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createTopic(Addresses.SALES_RECORDED));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot connect to the broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(Sale sale, java.time.LocalDate businessDay) {
        SaleRecorded event = new SaleRecorded(UUID.randomUUID().toString(), Instant.now(clock), source, sale,
                businessDay);
        try {
            TextMessage message = session.createTextMessage(new String(Json.write(event), StandardCharsets.UTF_8));
            message.setStringProperty(Addresses.DUPLICATE_ID_PROPERTY, sale.saleId());
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("could not publish sale " + sale.saleId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // the sends that returned are on the broker; nothing to undo
        }
    }
}
