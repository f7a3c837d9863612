package org.storelink.insights.internal;

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
 * Consumes recorded sales and payments from the module's own durable queues, each message in a local JMS
 * transaction acknowledged only after the rollups have committed; a redelivery after a crash in between changes
 * nothing, as the rollups count each sale and payment event once.
 *
 * <p>A message that can never be processed is dead-lettered at once with the reason; a transient failure rolls
 * back for the broker to redeliver, and after {@code maxDeliveryAttempts} deliveries it is dead-lettered with the
 * last error.
 */
public final class InsightsRoutes extends RouteBuilder {
    public static final String SALES_QUEUE = "insights.sales";
    public static final String PAYMENTS_QUEUE = "insights.payments";
    public static final String SALES_ROUTE_ID = "insights.sales";
    public static final String PAYMENTS_ROUTE_ID = "insights.payments";
    /** Whether the event changed the rollups (false: counted before). */
    static final String COUNTED_HEADER = "storelinkCounted";

    private final JdbcRollups rollups;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;
    private final String deadLetterUri;

    /** @param deadLetterUri where dead letters go: {@link #deadLetterUri()} in the platform */
    public InsightsRoutes(JdbcRollups rollups, int maxDeliveryAttempts, int concurrentConsumers, Clock clock,
                          String deadLetterUri) {
        this.rollups = rollups;
        this.deadLetterUri = deadLetterUri;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.concurrentConsumers = concurrentConsumers;
        this.clock = clock;
    }

    static String inputUri(String address, String queue, int concurrentConsumers) {
        return "jms:queue:" + Addresses.fqqn(address, queue)
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
                .to(deadLetterUri);

        onException(Exception.class)
                .onWhen(exchange -> deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri);

        from(inputUri(Addresses.SALES_RECORDED, SALES_QUEUE, concurrentConsumers)).routeId(SALES_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setHeader(COUNTED_HEADER,
                        rollups.recordSale(EventReader.read(exchange.getMessage().getBody(byte[].class),
                                body -> EventReader.sale(body, EventReader.Envelope.OPTIONAL),
                                InsightsRoutes::poison))))
                .log(LoggingLevel.DEBUG, "sale counted=${header." + COUNTED_HEADER + "}");

        from(inputUri(Addresses.PAYMENTS_RECORDED, PAYMENTS_QUEUE, concurrentConsumers)).routeId(PAYMENTS_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setHeader(COUNTED_HEADER,
                        rollups.recordPayment(EventReader.read(exchange.getMessage().getBody(byte[].class),
                                EventReader::payment, InsightsRoutes::poison))))
                .log(LoggingLevel.DEBUG, "payment event counted=${header." + COUNTED_HEADER + "}");
    }

    private static PoisonMessageException poison(EventReader.UnreadableEventException e) {
        return new PoisonMessageException(e.getMessage());
    }

    private static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }

    private void markDeadLetter(Exchange exchange) {
        boolean payments = PAYMENTS_ROUTE_ID.equals(exchange.getFromRouteId());
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, cause == null ? "unknown" : EventReader.firstLine(cause));
        message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS,
                payments ? Addresses.PAYMENTS_RECORDED : Addresses.SALES_RECORDED);
        message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, payments ? PAYMENTS_QUEUE : SALES_QUEUE);
        message.setHeader(DeadLetterHeaders.FAILED_BY, payments ? PAYMENTS_ROUTE_ID : SALES_ROUTE_ID);
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
        log.warn("Dead-lettered a message from {}: {}", message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE),
                message.getHeader(DeadLetterHeaders.REASON));
    }
}
