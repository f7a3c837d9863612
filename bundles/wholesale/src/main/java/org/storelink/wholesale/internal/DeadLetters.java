package org.storelink.wholesale.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.EventReader;

/** What the routes have in common: the dead-letter endpoint, its headers and the delivery count. */
final class DeadLetters {
    static final String URI = "jms:queue:" + Addresses.DEAD_LETTER + "?transacted=true";

    private DeadLetters() {
    }

    static void mark(Exchange exchange, String address, String queue, String routeId, Clock clock) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, reason(cause));
        message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS, address);
        message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, queue);
        message.setHeader(DeadLetterHeaders.FAILED_BY, routeId);
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        if (cause instanceof PoisonMessageException poison) {
            return poison.getMessage();
        }
        return EventReader.firstLine(cause);
    }

    static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }
}
