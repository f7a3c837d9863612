package org.storelink.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;

/**
 * One fleet's status updates: consumes {@code partner.<fleet>.in} in a local JMS transaction, one consumer so the
 * fleet's order is kept. The message is acknowledged only after the database commit; a crash in between redelivers
 * it and the history makes the second one a duplicate.
 *
 * <p>A message that can never be applied (malformed, unknown or another fleet's delivery, a transition the state
 * machine forbids) goes to the dead-letter address with the reason in the {@link DeadLetterHeaders}, and an
 * {@code error} message naming the problem goes to the fleet's {@code partner.<fleet>.out}; both are sent in the
 * consumer's transaction, so they and the acknowledgement commit together. A transient failure (the database down)
 * rolls back for the broker to redeliver, and is dead-lettered without an answer after {@code maxDeliveryAttempts}.
 */
final class StatusRoutes extends RouteBuilder {
    static final String OUTCOME_HEADER = "storelinkDeliveryOutcome";
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final String fleet;
    private final StatusHandler handler;
    private final int maxDeliveryAttempts;
    private final Clock clock;

    StatusRoutes(String fleet, StatusHandler handler, int maxDeliveryAttempts, Clock clock) {
        this.fleet = fleet;
        this.handler = handler;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.clock = clock;
    }

    static String routeId(String fleet) {
        return "delivery.status." + fleet;
    }

    static String inAddress(String fleet) {
        return "partner." + fleet + ".in";
    }

    static String outAddress(String fleet) {
        return "partner." + fleet + ".out";
    }

    /** {@code disableReplyTo}: a fleet's JMSReplyTo must not make storelink send anywhere it chooses. */
    static String inputUri(String fleet) {
        return "jms:queue:" + inAddress(fleet) + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=1&maxConcurrentConsumers=1&disableReplyTo=true";
    }

    static String replyUri(String fleet) {
        return "jms:queue:" + outAddress(fleet) + "?transacted=true";
    }

    static String deadLetterUri() {
        return "jms:queue:" + Addresses.DEAD_LETTER + "?transacted=true";
    }

    @Override
    public void configure() {
        onException(StatusRejectedException.class)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri())
                .process(this::errorReply)
                .to(replyUri(fleet));

        onException(Exception.class)
                .onWhen(exchange -> deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri());

        from(inputUri(fleet)).routeId(routeId(fleet))
                .process(exchange -> exchange.getMessage().setHeader(OUTCOME_HEADER,
                        handler.handle(fleet, exchange.getMessage().getBody(byte[].class)).name()))
                .log(LoggingLevel.DEBUG, "status from " + fleet + ": ${header." + OUTCOME_HEADER + "}");
    }

    private void markDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, cause == null ? "unknown" : reason(cause));
        message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS, inAddress(fleet));
        message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, inAddress(fleet));
        message.setHeader(DeadLetterHeaders.FAILED_BY, routeId(fleet));
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
        log.warn("Dead-lettered a status message of fleet {}: {}", fleet, message.getHeader(DeadLetterHeaders.REASON));
    }

    /** The body becomes the {@code error} answer; none of the fleet's or the dead letter's headers go back. */
    private void errorReply(Exchange exchange) {
        StatusRejectedException rejection = rejection(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class));
        Message message = exchange.getMessage();
        String messageId = message.getHeader("JMSMessageID", String.class);
        message.removeHeaders("*");
        message.setBody(DeliveryMessages.error(rejection, messageId, Instant.now(clock)));
        message.setHeader(DeliveryMessages.TYPE_PROPERTY, DeliveryMessages.ERROR_TYPE);
        if (messageId != null) {
            message.setHeader("JMSCorrelationID", messageId);
            message.setHeader(Addresses.DUPLICATE_ID_PROPERTY, "error:" + messageId);
        }
    }

    private static StatusRejectedException rejection(Throwable caught) {
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRejectedException rejected) {
                return rejected;
            }
        }
        throw new IllegalStateException("no rejection in " + caught);
    }

    private static String reason(Throwable caught) {
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRejectedException rejected) {
                return rejected.getMessage();
            }
        }
        Throwable root = caught;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
        return count == null ? 1 : count;
    }
}
