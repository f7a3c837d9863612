package org.storelink.recommend.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.EventReader;

/**
 * Feeds the recommend module's sales history from its own durable queue on {@code storelink.sales.recorded}, in a
 * JMS transaction: the message is acknowledged only after the database transaction has committed, and a redelivery
 * after a crash changes nothing because the sale id is a primary key. A message that can never be stored goes to
 * the dead-letter queue at once with the reason; a transient failure is rolled back for the broker to redeliver,
 * and dead-lettered with the last error after {@code maxDeliveryAttempts}.
 */
public final class HistoryRoutes extends RouteBuilder {
    public static final String QUEUE = "recommend.sales";
    public static final String ROUTE_ID = "recommend.sales";
    static final String STORED_HEADER = "storelinkStored";

    private final JdbcSalesHistory history;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;

    public HistoryRoutes(JdbcSalesHistory history, int maxDeliveryAttempts, int concurrentConsumers, Clock clock) {
        this.history = history;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.concurrentConsumers = concurrentConsumers;
        this.clock = clock;
    }

    static String inputUri(int concurrentConsumers) {
        return "jms:queue:" + Addresses.fqqn(Addresses.SALES_RECORDED, QUEUE)
                + "?transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=" + concurrentConsumers
                + "&maxConcurrentConsumers=" + concurrentConsumers;
    }

    static String deadLetterUri() {
        return "jms:queue:" + Addresses.DEAD_LETTER + "?transacted=true";
    }

    @Override
    public void configure() {
        onException(PoisonMessageException.class)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri());

        onException(Exception.class)
                .onWhen(exchange -> deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri());

        from(inputUri(concurrentConsumers)).routeId(ROUTE_ID)
                .process(exchange -> exchange.getMessage().setHeader(STORED_HEADER,
                        history.record(EventReader.read(exchange.getMessage().getBody(byte[].class), EventReader::sale,
                                e -> new PoisonMessageException(e.getMessage())))))
                .log(LoggingLevel.DEBUG, "sale ${header." + Addresses.DUPLICATE_ID_PROPERTY + "} recorded=${header."
                        + STORED_HEADER + "}");
    }

    private static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }

    private void markDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, cause == null ? "unknown" : EventReader.firstLine(cause));
        message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS, Addresses.SALES_RECORDED);
        message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, QUEUE);
        message.setHeader(DeadLetterHeaders.FAILED_BY, ROUTE_ID);
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
        log.warn("Dead-lettered a message from {}: {}", QUEUE, message.getHeader(DeadLetterHeaders.REASON));
    }
}
