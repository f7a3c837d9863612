package org.storelink.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetter;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.messaging.DeadLetterService;

/**
 * Dead letters come two ways: a route that gives up sends the message here itself with the reason in
 * {@link DeadLetterHeaders}; the broker moves a message here after too many failed deliveries, recording its
 * origin in its own annotations. Both are listed from the broker's queue; a replay takes the route's kind back
 * over JMS (one transaction: consume here, send to the original queue) and lets the broker retry its own kind.
 */
@Component(service = DeadLetterService.class)
public final class ArtemisDeadLetterService implements DeadLetterService {
    private static final long RECEIVE_TIMEOUT_MS = 5_000;

    private final ActiveMQServer broker;
    private final ConnectionFactory connectionFactory;

    @Activate
    public ArtemisDeadLetterService(@Reference ActiveMQServer broker,
                                    @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory) {
        this.broker = broker;
        this.connectionFactory = connectionFactory;
    }

    @Override
    public List<DeadLetter> list(int max) {
        List<DeadLetter> letters = new ArrayList<>();
        Queue queue = broker.locateQueue(SimpleString.of(Addresses.DEAD_LETTER));
        if (queue == null) {
            return letters;
        }
        try (LinkedListIterator<MessageReference> refs = queue.browserIterator()) {
            while (refs.hasNext() && letters.size() < max) {
                letters.add(describe(refs.next().getMessage()));
            }
        }
        return letters;
    }

    @Override
    public DeadLetter replay(long id) {
        Queue queue = broker.locateQueue(SimpleString.of(Addresses.DEAD_LETTER));
        org.apache.activemq.artemis.api.core.Message message = find(queue, id)
                .orElseThrow(() -> new IllegalArgumentException("no dead letter with id " + id));
        DeadLetter letter = describe(message);
        String dlqId = message.getStringProperty(DeadLetterHeaders.ID);
        if (dlqId != null && letter.originalAddress() != null) {
            resend(dlqId, letter);
        } else if (letter.originalQueue() != null) {
            retryByBroker(id);
        } else {
            throw new IllegalArgumentException("dead letter " + id + " does not say where it came from");
        }
        return letter;
    }

    private static Optional<org.apache.activemq.artemis.api.core.Message> find(Queue queue, long id) {
        if (queue == null) {
            return Optional.empty();
        }
        try (LinkedListIterator<MessageReference> refs = queue.browserIterator()) {
            while (refs.hasNext()) {
                org.apache.activemq.artemis.api.core.Message message = refs.next().getMessage();
                if (message.getMessageID() == id) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }

    private static DeadLetter describe(org.apache.activemq.artemis.api.core.Message message) {
        String reason = message.getStringProperty(DeadLetterHeaders.REASON);
        String address = message.getStringProperty(DeadLetterHeaders.ORIGINAL_ADDRESS);
        String queue = message.getStringProperty(DeadLetterHeaders.ORIGINAL_QUEUE);
        String failedBy = message.getStringProperty(DeadLetterHeaders.FAILED_BY);
        Instant deadAt = Instant.ofEpochMilli(message.getTimestamp());
        String failedAt = message.getStringProperty(DeadLetterHeaders.FAILED_AT);
        if (failedAt != null) {
            deadAt = Instant.parse(failedAt);
        }
        if (reason == null) {
            address = message.getAnnotationString(org.apache.activemq.artemis.api.core.Message.HDR_ORIGINAL_ADDRESS);
            queue = message.getAnnotationString(org.apache.activemq.artemis.api.core.Message.HDR_ORIGINAL_QUEUE);
            failedBy = "broker";
            reason = "delivery failed too many times (max delivery attempts reached)";
        }
        Object duplicateId = message.getDuplicateProperty();
        return new DeadLetter(message.getMessageID(), deadAt, address, queue, failedBy, reason,
                duplicateId == null ? null : duplicateId.toString(), message.getEncodeSize());
    }

    private void retryByBroker(long id) {
        QueueControl control = (QueueControl) broker.getManagementService()
                .getResource(ResourceNames.QUEUE + Addresses.DEAD_LETTER);
        try {
            if (!control.retryMessage(id)) {
                throw new IllegalStateException("the broker could not retry dead letter " + id);
            }
        } catch (Exception e) {
            throw new IllegalStateException("replay of dead letter " + id + " failed: " + e.getMessage(), e);
        }
    }

    private void resend(String dlqId, DeadLetter letter) {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.DEAD_LETTER),
                    DeadLetterHeaders.ID + " = '" + dlqId.replace("'", "''") + "'");
            Message dead = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (dead == null) {
                session.rollback();
                throw new IllegalStateException("dead letter " + letter.id() + " is being read by someone else");
            }
            // storelink addresses are multicast: a topic destination, narrowed to the one queue by its FQQN.
            Destination target = session.createTopic(letter.originalQueue() != null
                    ? Addresses.fqqn(letter.originalAddress(), letter.originalQueue())
                    : letter.originalAddress());
            MessageProducer producer = session.createProducer(target);
            producer.send(copyWithoutDeadLetterHeaders(session, dead, dlqId));
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("replay of dead letter " + letter.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static Message copyWithoutDeadLetterHeaders(Session session, Message dead, String dlqId)
            throws JMSException {
        Message copy;
        if (dead instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (dead instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage out = session.createBytesMessage();
            out.writeBytes(body);
            copy = out;
        } else {
            throw new IllegalStateException("dead letter has an unsupported body type " + dead.getClass().getName());
        }
        for (Enumeration<?> names = dead.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (name.equals(Addresses.DUPLICATE_ID_PROPERTY)) {
                // The broker would drop the replay as a duplicate of the original: give it a distinct id that
                // still starts with the original (consumers are idempotent on their own keys anyway).
                copy.setStringProperty(name, dead.getStringProperty(name) + "#replay-" + dlqId);
            } else if (!name.startsWith("dlq") && !name.startsWith("JMSX")) {
                copy.setObjectProperty(name, dead.getObjectProperty(name));
            }
        }
        return copy;
    }
}
