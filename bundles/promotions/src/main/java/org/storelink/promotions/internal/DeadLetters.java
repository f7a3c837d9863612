package org.storelink.promotions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.EventReader;

/** Sets the dead-letter headers on a message a route gives up on, so the reason travels with it. */
final class DeadLetters {

    private DeadLetters() {
    }

    static void mark(Exchange exchange, String address, String queue, String routeId, Clock clock) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = exchange.getMessage();
        String reason = cause == null ? "unknown"
                : cause instanceof PoisonMessageException ? cause.getMessage() : EventReader.firstLine(cause);
        message.setHeader(DeadLetterHeaders.REASON, reason);
        message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS, address);
        message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, queue);
        message.setHeader(DeadLetterHeaders.FAILED_BY, routeId);
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
    }

    static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }
}
