package org.storelink.promotions.internal;

import java.time.Clock;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.EventReader;

/**
 * Consumes recorded sales from the module's own durable queue in a local JMS transaction, acknowledged only after
 * the redemptions and the daily rollup have committed; a redelivery changes nothing, as each sale id is processed
 * once. A message that can never be processed is dead-lettered at once with the reason; a transient failure is
 * delivered again, and dead-lettered with the last error after {@code maxDeliveryAttempts}.
 */
public final class SalesRoutes extends RouteBuilder {
    public static final String QUEUE = "promotions.sales";
    public static final String ROUTE_ID = "promotions.sales";
    /** How many lines of the sale redeemed a promotion; absent when the sale was processed before. */
    static final String REDEMPTIONS_HEADER = "storelinkRedemptions";

    private final JdbcPromotions db;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;
    private final String deadLetterUri;

    public SalesRoutes(JdbcPromotions db, int maxDeliveryAttempts, int concurrentConsumers, Clock clock,
                       String deadLetterUri) {
        this.db = db;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.concurrentConsumers = concurrentConsumers;
        this.clock = clock;
        this.deadLetterUri = deadLetterUri;
    }

    static String inputUri(int concurrentConsumers) {
        return "jms:queue:" + Addresses.fqqn(Addresses.SALES_RECORDED, QUEUE)
                + "?transacted=true&cacheLevelName=CACHE_CONSUMER&disableReplyTo=true&concurrentConsumers="
                + concurrentConsumers + "&maxConcurrentConsumers=" + concurrentConsumers;
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
                .onWhen(exchange -> DeadLetters.deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri);

        from(inputUri(concurrentConsumers)).routeId(ROUTE_ID)
                .process(exchange -> {
                    JdbcPromotions.SaleOutcome outcome =
                            db.recordSale(EventReader.read(exchange.getMessage().getBody(byte[].class),
                                    body -> EventReader.sale(body, EventReader.Envelope.OPTIONAL),
                                    e -> new PoisonMessageException(e.getMessage())));
                    if (outcome.processed()) {
                        exchange.getMessage().setHeader(REDEMPTIONS_HEADER, outcome.redemptions());
                    }
                })
                .log(LoggingLevel.DEBUG, "sale redemptions=${header." + REDEMPTIONS_HEADER + "}");
    }

    private void markDeadLetter(org.apache.camel.Exchange exchange) {
        DeadLetters.mark(exchange, Addresses.SALES_RECORDED, QUEUE, ROUTE_ID, clock);
        log.warn("Dead-lettered a message from {}: {}", QUEUE,
                exchange.getMessage().getHeader(DeadLetterHeaders.REASON));
    }
}
