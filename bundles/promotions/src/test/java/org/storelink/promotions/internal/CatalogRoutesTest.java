package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.bytes;
import static org.storelink.promotions.internal.Fixtures.catalog;
import static org.storelink.promotions.internal.Fixtures.rows;
import static org.storelink.promotions.internal.Fixtures.teaPromotion;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.Json;

/** A brand's catalog route without a broker: input direct:in, partner.acme-foods.out and the DLQ as mocks. */
class CatalogRoutesTest extends CamelTestSupport {
    private static final int MAX_DELIVERY_ATTEMPTS = 3;
    private final MutableClock clock = new MutableClock("2026-11-20T10:00:00+08:00");
    private DataSource database;
    private volatile boolean databaseDown;

    @Override
    protected void doPreSetup() {
        database = Fixtures.h2();
        PromotionsSchema.migrate(database, getClass().getClassLoader());
    }

    @AfterEach
    void shutdown() throws Exception {
        Fixtures.shutdownH2(database);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        DataSource switchable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (databaseDown && method.getName().equals("getConnection")) {
                        throw new SQLException("database unavailable", "08001");
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        JdbcPromotions db = new JdbcPromotions(switchable, id -> java.util.Optional.empty(), clock);
        RouteBuilder routes = new CatalogRoutes(Fixtures.BRAND, new CatalogHandler(db, clock), MAX_DELIVERY_ATTEMPTS,
                clock, "direct:in", "mock:partner-out", "mock:dlq");
        return routes;
    }

    private Exchange deliver(byte[] body, String type, int deliveryCount) {
        return template.send("direct:in", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            exchange.getMessage().setHeader("JMSMessageID", "ID:brand-message-1");
            if (type != null) {
                exchange.getMessage().setHeader("type", type);
            }
        });
    }

    private List<Exchange> replies() {
        return getMockEndpoint("mock:partner-out").getReceivedExchanges();
    }

    private List<Exchange> deadLetters() {
        return getMockEndpoint("mock:dlq").getReceivedExchanges();
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        return Json.mapper().readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void theInputIsTheBrandsOwnQueueTransactedAndItAnswersOnItsOutQueue() {
        assertThat(CatalogRoutes.inputUri("acme-foods"))
                .startsWith("jms:queue:partner.acme-foods.in?transacted=true&")
                .contains("disableReplyTo=true", "concurrentConsumers=1");
        assertThat(CatalogRoutes.outputUri("acme-foods")).isEqualTo("jms:queue:partner.acme-foods.out?transacted=true");
        assertThat(CatalogRoutes.deadLetterUri()).isEqualTo("jms:queue:storelink.dlq?transacted=true");
    }

    @Test
    void aValidCatalogIsStoredAndAcknowledged() throws Exception {
        Exchange done = deliver(bytes(catalog("dec", 1, teaPromotion("A"), teaPromotion("B"))), "promotion-catalog", 1);

        assertThat(done.getException()).isNull();
        assertThat(deadLetters()).isEmpty();
        assertThat(replies()).hasSize(1);
        Exchange reply = replies().get(0);
        assertThat(reply.getMessage().getHeader("type")).isEqualTo("promotion-catalog-accepted");
        assertThat(reply.getMessage().getHeader("JMSCorrelationID")).isEqualTo("ID:brand-message-1");
        assertThat(reply.getMessage().getHeader("JMSXDeliveryCount")).isNull();
        JsonNode ack = json(reply);
        assertThat(ack.get("status").asText()).isEqualTo("accepted");
        assertThat(ack.get("catalogId").asText()).isEqualTo("dec");
        assertThat(ack.get("version").asLong()).isEqualTo(1);
        assertThat(ack.get("promotions").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(rows(database, "SELECT promotion_id FROM promotions_promotion ORDER BY promotion_id"))
                .containsExactly(List.of("A"), List.of("B"));
    }

    @Test
    void aCatalogIsRecognisedByItsBodyWithoutTheTypeProperty() throws Exception {
        ObjectNode catalog = catalog("dec", 1, teaPromotion("A"));
        catalog.remove("type");
        deliver(bytes(catalog), null, 1);
        assertThat(json(replies().get(0)).get("type").asText()).isEqualTo("promotion-catalog-accepted");
    }

    @Test
    void anInvalidCatalogIsDeadLetteredAndTheBrandToldEveryProblem() throws Exception {
        ObjectNode bad = teaPromotion("A");
        bad.putObject("mechanics").put("type", "percent-off").put("percent", 100);
        bad.putArray("products").add("6901234567893");
        ObjectNode catalog = catalog("dec", 1, bad);
        catalog.put("brand", "someone-else");
        byte[] body = bytes(catalog);

        Exchange done = deliver(body, "promotion-catalog", 1);

        assertThat(done.getException()).isNull(); // handled: the message is consumed
        assertThat(deadLetters()).hasSize(1);
        Exchange dead = deadLetters().get(0);
        assertThat(dead.getMessage().getBody(byte[].class)).isEqualTo(body);
        assertThat(dead.getMessage().getHeader(DeadLetterHeaders.REASON, String.class)).isEqualTo(
                "brand: must be \"acme-foods\": a brand may only define promotions for itself; "
                        + "promotions[0].products[0]: check digit is 3, expected 2; "
                        + "promotions[0].mechanics.percent: must be from 1 to 99, is 100");
        assertThat(dead.getMessage().getHeaders()).containsEntry(DeadLetterHeaders.ORIGINAL_QUEUE,
                "partner.acme-foods.in").containsEntry(DeadLetterHeaders.FAILED_BY, "promotions.catalog.acme-foods");
        assertThat(dead.getMessage().getHeader(DeadLetterHeaders.ID)).isNotNull();

        assertThat(replies()).hasSize(1);
        Exchange reply = replies().get(0);
        assertThat(reply.getMessage().getHeader("type")).isEqualTo("promotion-catalog-rejected");
        assertThat(reply.getMessage().getHeader(DeadLetterHeaders.REASON)).isNull();
        JsonNode rejected = json(reply);
        assertThat(rejected.get("catalogId").asText()).isEqualTo("dec");
        assertThat(rejected.get("problems").toString()).isEqualTo("["
                + "{\"path\":\"brand\",\"reason\":\"must be \\\"acme-foods\\\": a brand may only define promotions"
                + " for itself\"},"
                + "{\"path\":\"promotions[0].products[0]\",\"reason\":\"check digit is 3, expected 2\"},"
                + "{\"path\":\"promotions[0].mechanics.percent\",\"reason\":\"must be from 1 to 99, is 100\"}]");
        assertThat(rows(database, "SELECT COUNT(*) FROM promotions_promotion")).containsExactly(List.of(0L));
    }

    @Test
    void aMessageOfAnotherTypeOrNoCatalogAtAllIsRejected() throws Exception {
        deliver("{\"orderId\":\"1\"}".getBytes(StandardCharsets.UTF_8), "purchase-order", 1);
        deliver("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8), null, 1);
        deliver("<xml/>".getBytes(StandardCharsets.UTF_8), null, 1);

        assertThat(deadLetters()).hasSize(3);
        assertThat(replies()).extracting(reply -> json(reply).get("problems").get(0).get("path").asText())
                .containsExactly("type", "$", "$");
    }

    @Test
    void anOlderVersionIsRejectedAndTheNewerKept() throws Exception {
        deliver(bytes(catalog("dec", 2, teaPromotion("A"))), "promotion-catalog", 1);
        deliver(bytes(catalog("dec", 1, teaPromotion("OLD"))), "promotion-catalog", 1);

        assertThat(replies()).extracting(reply -> reply.getMessage().getHeader("type"))
                .containsExactly("promotion-catalog-accepted", "promotion-catalog-rejected");
        assertThat(json(replies().get(1)).get("problems").get(0).get("path").asText()).isEqualTo("version");
        assertThat(rows(database, "SELECT promotion_id FROM promotions_promotion")).containsExactly(List.of("A"));
    }

    @Test
    void aDatabaseFailureIsRetriedByTheBrokerThenDeadLetteredWithoutBlamingTheBrand() {
        databaseDown = true;
        byte[] body = bytes(catalog("dec", 1, teaPromotion("A")));

        Exchange first = deliver(body, "promotion-catalog", 1);
        assertThat(first.getException()).isNotNull(); // rolled back: the broker delivers it again
        assertThat(deadLetters()).isEmpty();

        Exchange last = deliver(body, "promotion-catalog", MAX_DELIVERY_ATTEMPTS);
        assertThat(last.getException()).isNull();
        assertThat(deadLetters()).hasSize(1);
        assertThat(deadLetters().get(0).getMessage().getHeader(DeadLetterHeaders.REASON, String.class))
                .isEqualTo("database unavailable");
        assertThat(replies()).isEmpty();
    }

    @Test
    void theDeadLetterReasonIsClippedButTheReplyHasEveryProblem() throws Exception {
        ObjectNode[] promotions = new ObjectNode[300];
        for (int i = 0; i < promotions.length; i++) {
            promotions[i] = teaPromotion("P" + i);
            promotions[i].putArray("products").add("6901234567893");
        }
        deliver(bytes(catalog("dec", 1, promotions)), null, 1);

        String reason = deadLetters().get(0).getMessage().getHeader(DeadLetterHeaders.REASON, String.class);
        assertThat(reason.length()).isLessThanOrEqualTo(CatalogRejectedException.MAX_REASON);
        assertThat(reason).endsWith("more problem(s)");
        assertThat(json(replies().get(0)).get("problems")).hasSize(300);
        assertThat(Map.of("n", json(replies().get(0)).get("problems").get(299).get("path").asText()))
                .containsEntry("n", "promotions[299].products[0]");
    }
}
