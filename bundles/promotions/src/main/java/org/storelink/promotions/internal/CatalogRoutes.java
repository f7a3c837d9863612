package org.storelink.promotions.internal;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;

/**
 * The route of one brand partner: consumes {@code partner.<id>.in} in a local JMS transaction and answers on
 * {@code partner.<id>.out} in the same transaction, so the answer is sent exactly when the message is consumed.
 *
 * <p>A valid catalog is stored, then answered with {@code promotion-catalog-accepted}. An invalid one (or anything
 * that is not a catalog) is dead-lettered with every problem as the reason, and answered with
 * {@code promotion-catalog-rejected} naming each problem by its path. A transient failure (the database down) rolls
 * back for the broker to deliver again; after {@code maxDeliveryAttempts} it is dead-lettered, and the brand is not
 * told, as the catalog was not at fault.
 */
public final class CatalogRoutes extends RouteBuilder {
    static final String TYPE_PROPERTY = "type";

    private final String partnerId;
    private final CatalogHandler handler;
    private final int maxDeliveryAttempts;
    private final Clock clock;
    private final String inputUri;
    private final String outputUri;
    private final String deadLetterUri;

    public CatalogRoutes(String partnerId, CatalogHandler handler, int maxDeliveryAttempts, Clock clock,
                         String inputUri, String outputUri, String deadLetterUri) {
        this.partnerId = partnerId;
        this.handler = handler;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.clock = clock;
        this.inputUri = inputUri;
        this.outputUri = outputUri;
        this.deadLetterUri = deadLetterUri;
    }

    public static String routeId(String partnerId) {
        return "promotions.catalog." + partnerId;
    }

    static String inAddress(String partnerId) {
        return "partner." + partnerId + ".in";
    }

    /** One consumer: a brand's catalogs are applied in the order it sent them. The partner cannot receive replies. */
    static String inputUri(String partnerId) {
        return "jms:queue:" + inAddress(partnerId) + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=1&maxConcurrentConsumers=1&disableReplyTo=true";
    }

    static String outputUri(String partnerId) {
        return "jms:queue:partner." + partnerId + ".out?transacted=true";
    }

    static String deadLetterUri() {
        return "jms:queue:" + Addresses.DEAD_LETTER + "?transacted=true";
    }

    @Override
    public void configure() {
        onException(CatalogRejectedException.class)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri)
                .process(exchange -> reply(exchange, exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                        CatalogRejectedException.class).reply(), ReportJson.REJECTED_TYPE))
                .to(outputUri);

        onException(Exception.class)
                .onWhen(exchange -> DeadLetters.deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(this::markDeadLetter)
                .to(deadLetterUri);

        from(inputUri).routeId(routeId(partnerId))
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    String accepted = handler.receive(partnerId, message.getHeader(TYPE_PROPERTY, String.class),
                            message.getBody(byte[].class));
                    reply(exchange, accepted, ReportJson.ACCEPTED_TYPE);
                })
                .to(outputUri);
    }

    /** The answer replaces the message: only its type and the correlation to the brand's message go with it. */
    private static void reply(Exchange exchange, String json, String type) {
        Message message = exchange.getMessage();
        Object correlation = message.getHeader("JMSMessageID");
        message.removeHeaders("*");
        message.setBody(json);
        message.setHeader(TYPE_PROPERTY, type);
        if (correlation != null) {
            message.setHeader("JMSCorrelationID", correlation);
        }
    }

    private void markDeadLetter(Exchange exchange) {
        DeadLetters.mark(exchange, inAddress(partnerId), inAddress(partnerId), routeId(partnerId), clock);
        log.warn("Dead-lettered a message from {}: {}", inAddress(partnerId),
                exchange.getMessage().getHeader(org.storelink.messaging.DeadLetterHeaders.REASON));
    }
}
