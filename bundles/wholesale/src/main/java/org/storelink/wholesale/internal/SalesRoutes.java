package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.EventReader;

/**
 * Keeps the demand history: consumes {@code storelink.sales.recorded::wholesale.sales} in a local JMS transaction
 * and adds each sale's units per product to the store × business day × GTIN rollup, once per sale id. A message
 * that is not a valid {@code SaleRecorded} is dead-lettered at once; a transient failure is redelivered and
 * dead-lettered after {@code maxDeliveryAttempts}.
 */
final class SalesRoutes extends RouteBuilder {
    static final String QUEUE = "wholesale.sales";
    static final String ROUTE_ID = "wholesale.sales";
    static final String COUNTED_HEADER = "storelinkCounted";

    private final JdbcWholesale db;
    private final Function<String, Optional<ZoneId>> zones;
    private final int maxDeliveryAttempts;
    private final int concurrentConsumers;
    private final Clock clock;
    private final String deadLetterUri;

    SalesRoutes(JdbcWholesale db, Function<String, Optional<ZoneId>> zones, int maxDeliveryAttempts,
                int concurrentConsumers, Clock clock, String deadLetterUri) {
        this.db = db;
        this.zones = zones;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.concurrentConsumers = concurrentConsumers;
        this.clock = clock;
        this.deadLetterUri = deadLetterUri;
    }

    static String inputUri(int concurrentConsumers) {
        return "jms:queue:" + Addresses.fqqn(Addresses.SALES_RECORDED, QUEUE)
                + "?transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=" + concurrentConsumers
                + "&maxConcurrentConsumers=" + concurrentConsumers;
    }

    @Override
    public void configure() {
        onException(PoisonMessageException.class)
                .handled(true)
                .process(exchange -> DeadLetters.mark(exchange, Addresses.SALES_RECORDED, QUEUE, ROUTE_ID, clock))
                .log(LoggingLevel.WARN, "Dead-lettered a sale: ${header.dlqReason}")
                .to(deadLetterUri);
        onException(Exception.class)
                .onWhen(exchange -> DeadLetters.deliveryCount(exchange) >= maxDeliveryAttempts)
                .handled(true)
                .process(exchange -> DeadLetters.mark(exchange, Addresses.SALES_RECORDED, QUEUE, ROUTE_ID, clock))
                .log(LoggingLevel.WARN, "Dead-lettered a sale after retries: ${header.dlqReason}")
                .to(deadLetterUri);

        from(inputUri(concurrentConsumers)).routeId(ROUTE_ID)
                .process(exchange -> {
                    Decoded sale = decode(exchange.getMessage().getBody(byte[].class));
                    exchange.getMessage().setHeader(COUNTED_HEADER, count(sale));
                });
    }

    record Decoded(Sale sale, LocalDate businessDay) {
    }

    boolean count(Decoded decoded) {
        Sale sale = decoded.sale();
        LocalDate day = decoded.businessDay() != null ? decoded.businessDay()
                : zones.apply(sale.storeId()).map(zone -> sale.occurredAt().atZoneSameInstant(zone).toLocalDate())
                .orElse(sale.occurredAt().toLocalDate());
        Map<Gtin, BigDecimal> units = new LinkedHashMap<>();
        for (SaleLine line : sale.lines()) {
            units.merge(line.gtin(), line.quantity(), BigDecimal::add);
        }
        return db.recordSale(sale.saleId(), sale.storeId(), sale.occurredAt(), day, units, clock.instant());
    }

    /** A SaleRecorded event, its sale checked by the same reader as a store's submission. */
    static Decoded decode(byte[] body) throws PoisonMessageException {
        SaleRecorded event = EventReader.read(body, read -> EventReader.sale(read, EventReader.Envelope.OPTIONAL),
                e -> new PoisonMessageException(e.problems()));
        return new Decoded(event.sale(), event.businessDay());
    }
}
