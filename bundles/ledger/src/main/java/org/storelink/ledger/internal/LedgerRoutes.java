package org.storelink.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

/**
 * Consumes recorded sales from the ledger's own durable queue in a JMS transaction: the message is acknowledged
 * only when the route completes, after the database transaction has committed. A crash in between redelivers the
 * message, and the ledger's primary key makes the second write a no-op.
 *
 * <p>A message that can never be stored (not JSON, not a valid sale) is dead-lettered at once with the reason; a
 * transient failure rolls back for the broker to redeliver with back-off, and after {@code maxDeliveryAttempts}
 * deliveries the route dead-letters it with the last error as the reason.
 */
public final class LedgerRoutes extends RouteBuilder {
    public static final String QUEUE = "ledger.sales";
    public static final String ROUTE_ID = "ledger.sales";
    static final String STORED_HEADER = "storelinkStored";

    private final JdbcLedger ledger;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;

    public LedgerRoutes(JdbcLedger ledger, int maxDeliveryAttempts, int concurrentConsumers, Clock clock) {
        this.ledger = ledger;
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
                .process(exchange -> {
                    SaleRecorded event = decode(exchange.getMessage().getBody(byte[].class));
                    exchange.getMessage().setHeader(STORED_HEADER, ledger.store(event));
                })
                .log(org.apache.camel.LoggingLevel.DEBUG, "sale ${header." + Addresses.DUPLICATE_ID_PROPERTY
                        + "} stored=${header." + STORED_HEADER + "}");
    }

    /**
     * Reads a {@code SaleRecorded} event. The sale inside goes through the same reader as a store's submission, so
     * a bad event is dead-lettered with every problem named by its field path ({@code sale.lines[0].gtin: ...}).
     */
    static SaleRecorded decode(byte[] body) throws PoisonMessageException {
        if (body == null || body.length == 0) {
            throw new PoisonMessageException("$: empty message body, expected a SaleRecorded JSON event");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new PoisonMessageException("$: not a SaleRecorded JSON event: " + rootMessage(e));
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("$: not a SaleRecorded JSON event: expected a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String eventId = text(root, "eventId", problems);
        String source = text(root, "source", problems);
        Instant recordedAt = null;
        String recorded = text(root, "recordedAt", problems);
        if (recorded != null) {
            try {
                recordedAt = Instant.parse(recorded);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("recordedAt: must be an ISO-8601 instant");
            }
        }
        java.time.LocalDate businessDay = null;
        JsonNode day = root.get("businessDay");
        if (day != null && !day.isNull()) {
            try {
                businessDay = java.time.LocalDate.parse(day.asText());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode saleNode = root.get("sale");
        SaleReader.Result sale = null;
        if (saleNode == null || !saleNode.isObject()) {
            problems.add("sale: is required");
        } else {
            String storeId = saleNode.path("storeId").isTextual() ? saleNode.get("storeId").asText() : null;
            if (storeId == null) {
                problems.add("sale.storeId: is required");
            } else {
                sale = SaleReader.read(Json.write(saleNode), storeId);
                sale.violations().forEach(v -> problems.add("sale." + v.path() + ": " + v.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException(String.join("; ", problems));
        }
        return new SaleRecorded(eventId, recordedAt, source, sale.sale(), businessDay);
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(field + ": is required as a non-empty string");
            return null;
        }
        return value.asText();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }

    private void markDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var message = exchange.getMessage();
        message.setHeader(DeadLetterHeaders.REASON, cause == null ? "unknown" : rootMessage(cause));
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
