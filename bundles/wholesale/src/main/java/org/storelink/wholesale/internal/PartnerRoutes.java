package org.storelink.wholesale.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.storelink.model.json.Json;

/**
 * One wholesaler's inbound route: consumes {@code partner.<id>.in} in a local JMS transaction and answers on
 * {@code partner.<id>.out}. A message that cannot be read or applied goes to the dead-letter address with the
 * reason, and the partner gets an {@code error} reply naming every problem; both are sent in the consuming session,
 * so they are committed with the acknowledgement.
 */
final class PartnerRoutes extends RouteBuilder {
    static final String ROUTE_PREFIX = "wholesale.partner.";

    private final String partnerId;
    private final PartnerMessages messages;
    private final int maxDeliveryAttempts;
    private final Clock clock;
    private final String deadLetterUri;
    private final String replyUri;

    /** In production {@code replyUri} is {@link #outUri(String)}; tests replace it. */
    PartnerRoutes(String partnerId, PartnerMessages messages, int maxDeliveryAttempts, Clock clock,
                  String deadLetterUri, String replyUri) {
        this.replyUri = replyUri;
        this.partnerId = partnerId;
        this.messages = messages;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.clock = clock;
        this.deadLetterUri = deadLetterUri;
    }

    static String routeId(String partnerId) {
        return ROUTE_PREFIX + partnerId;
    }

    static String inAddress(String partnerId) {
        return "partner." + partnerId + ".in";
    }

    static String outUri(String partnerId) {
        return "jms:queue:partner." + partnerId + ".out?transacted=true";
    }

    static String inputUri(String partnerId) {
        return "jms:queue:" + inAddress(partnerId) + "?transacted=true&cacheLevelName=CACHE_CONSUMER";
    }

    @Override
    public void configure() {
        String routeId = routeId(partnerId);
        onException(PoisonMessageException.class)
                .handled(true)
                .process(exchange -> DeadLetters.mark(exchange, inAddress(partnerId), inAddress(partnerId), routeId,
                        clock))
                .log(LoggingLevel.WARN, "Dead-lettered a message of partner " + partnerId + ": ${header.dlqReason}")
                .to(deadLetterUri)
                .process(this::errorReply)
                .to(replyUri);
        onException(Exception.class)
                .onWhen(exchange -> DeadLetters.deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(exchange -> DeadLetters.mark(exchange, inAddress(partnerId), inAddress(partnerId), routeId,
                        clock))
                .log(LoggingLevel.WARN, "Dead-lettered a message of partner " + partnerId
                        + " after retries: ${header.dlqReason}")
                .to(deadLetterUri);

        from(inputUri(partnerId)).routeId(routeId)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    var reply = messages.handle(partnerId, message.getHeader(PartnerMessages.TYPE_PROPERTY,
                            String.class), message.getBody(byte[].class));
                    prepareReply(exchange, reply.path("type").asText());
                    message.setBody(new String(Json.write(reply), StandardCharsets.UTF_8));
                })
                .to(replyUri);
    }

    private void errorReply(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        List<String> problems = cause instanceof PoisonMessageException poison ? poison.problems()
                : List.of(DeadLetters.reason(cause));
        String inReplyTo = exchange.getMessage().getHeader("JMSMessageID", String.class);
        var reply = messages.error("the message was not processed and has been set aside", problems, inReplyTo);
        prepareReply(exchange, "error");
        exchange.getMessage().removeHeaders("dlq*");
        exchange.getMessage().setBody(new String(Json.write(reply), StandardCharsets.UTF_8));
    }

    /** The reply carries only its type and the correlation to the partner's message. */
    private static void prepareReply(Exchange exchange, String type) {
        var message = exchange.getMessage();
        String correlation = message.getHeader("JMSMessageID", String.class);
        message.removeHeaders("*");
        message.setHeader(PartnerMessages.TYPE_PROPERTY, type);
        if (correlation != null) {
            message.setHeader("JMSCorrelationID", correlation);
        }
    }
}
