package org.storelink.reconciliation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.EventReader;

/**
 * Consumes recorded sales, payments and settlements from reconciliation's own durable queues, each in a JMS
 * transaction like the ledger: a message is acknowledged only after its database transaction committed, and a
 * redelivery writes nothing twice.
 *
 * <p>A message that can never be stored is dead-lettered at once with the reason; a transient failure rolls back
 * for the broker to redeliver, and after {@code maxDeliveryAttempts} deliveries the route dead-letters it with the
 * last error.
 */
public final class ReconciliationRoutes extends RouteBuilder {
    static final String STORED_HEADER = "storelinkStored";

    /** The queues consumed; each route is named after its queue. */
    public enum Inbound {
        SALES(Addresses.SALES_RECORDED, "reconciliation.sales"),
        PAYMENTS(Addresses.PAYMENTS_RECORDED, "reconciliation.payments"),
        SETTLEMENTS(Addresses.SETTLEMENTS_RECORDED, "reconciliation.settlements");

        private final String address;
        private final String queue;

        Inbound(String address, String queue) {
            this.address = address;
            this.queue = queue;
        }

        public String address() {
            return address;
        }

        public String queue() {
            return queue;
        }

        public String routeId() {
            return queue;
        }

        String inputUri(int concurrentConsumers) {
            return "jms:queue:" + Addresses.fqqn(address, queue)
                    + "?transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=" + concurrentConsumers
                    + "&maxConcurrentConsumers=" + concurrentConsumers;
        }

        static Inbound ofRoute(String routeId) {
            return Arrays.stream(values()).filter(in -> in.routeId().equals(routeId)).findFirst().orElse(null);
        }
    }

    private final JdbcReconciliationStore store;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;

    public ReconciliationRoutes(JdbcReconciliationStore store, int maxDeliveryAttempts, int concurrentConsumers,
            Clock clock) {
        this.store = store;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.concurrentConsumers = concurrentConsumers;
        this.clock = clock;
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

        from(Inbound.SALES.inputUri(concurrentConsumers)).routeId(Inbound.SALES.routeId())
                .process(exchange -> stored(exchange, store.storeSale(event(exchange, EventReader::sale))))
                .log(LoggingLevel.DEBUG, "sale stored=${header." + STORED_HEADER + "}");

        from(Inbound.PAYMENTS.inputUri(concurrentConsumers)).routeId(Inbound.PAYMENTS.routeId())
                .process(exchange -> stored(exchange, store.storePayment(event(exchange, EventReader::payment))))
                .log(LoggingLevel.DEBUG, "payment changed=${header." + STORED_HEADER + "}");

        from(Inbound.SETTLEMENTS.inputUri(concurrentConsumers)).routeId(Inbound.SETTLEMENTS.routeId())
                .process(exchange -> stored(exchange,
                        store.storeSettlement(event(exchange, EventReader::settlement))))
                .log(LoggingLevel.DEBUG, "settlement stored=${header." + STORED_HEADER + "}");
    }

    /** The event in the message body; one that cannot be read is poison, its reason naming the fields. */
    private static <T> T event(Exchange exchange, EventReader.Reading<T> reading) throws PoisonMessageException {
        return EventReader.read(exchange.getMessage().getBody(byte[].class), reading,
                e -> new PoisonMessageException(e.getMessage()));
    }

    private static void stored(Exchange exchange, boolean changed) {
        exchange.getMessage().setHeader(STORED_HEADER, changed);
    }

    private static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }

    private void markDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Inbound inbound = Inbound.ofRoute(exchange.getFromRouteId());
        var message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, cause == null ? "unknown" : EventReader.firstLine(cause));
        if (inbound != null) {
            message.setHeader(DeadLetterHeaders.ORIGINAL_ADDRESS, inbound.address());
            message.setHeader(DeadLetterHeaders.ORIGINAL_QUEUE, inbound.queue());
        }
        message.setHeader(DeadLetterHeaders.FAILED_BY, exchange.getFromRouteId());
        message.setHeader(DeadLetterHeaders.FAILED_AT, Instant.now(clock).toString());
        message.setHeader(DeadLetterHeaders.ID, UUID.randomUUID().toString());
        message.setHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY, DeadLetterHeaders.duplicateId(
                message.getHeader(org.storelink.messaging.Addresses.DUPLICATE_ID_PROPERTY),
                message.getHeader(DeadLetterHeaders.ORIGINAL_QUEUE), message.getHeader(DeadLetterHeaders.ID, String.class)));
        log.warn("Dead-lettered a message from {}: {}", inbound == null ? exchange.getFromRouteId() : inbound.queue(),
                message.getHeader(DeadLetterHeaders.REASON));
    }
}
