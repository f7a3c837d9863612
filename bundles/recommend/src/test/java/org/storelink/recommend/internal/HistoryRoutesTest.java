package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;

/** The route with input from direct:in and every jms: send (the dead-letter queue) to mock:dlq. */
class HistoryRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private CamelContext camel;
    private ProducerTemplate producer;
    private JdbcDataSource database;
    private JdbcSalesHistory history;

    @BeforeEach
    void start() throws Exception {
        database = TestData.newDatabase();
        RecommendSchema.migrate(database, getClass().getClassLoader());
        history = new JdbcSalesHistory(database, id -> Optional.of(TestData.SHANGHAI), CLOCK);
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new StubComponent());
        camel.addRoutes(new HistoryRoutes(history, 5, 1, CLOCK));
        AdviceWith.adviceWith(camel, HistoryRoutes.ROUTE_ID, route -> {
            route.replaceFromWith("direct:in");
            route.weaveByToUri("jms:*").replace().to("mock:dlq");
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        camel.close();
        TestData.shutdown(database);
    }

    private Exchange deliver(byte[] body, int deliveryCount) {
        return producer.send("direct:in", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
        });
    }

    private List<Exchange> deadLetters() {
        return camel.getEndpoint("mock:dlq", MockEndpoint.class).getReceivedExchanges();
    }

    private static SaleRecorded event() {
        return TestData.recorded(TestData.sale("sh-1", "000123", "2026-11-26T09:15:30+08:00",
                TestData.line(1, "6901234567892", "Green tea", "2", 350)));
    }

    @Test
    void aRecordedSaleIsRolledUpOnceEvenWhenRedelivered() {
        byte[] body = Json.write(event());

        Exchange first = deliver(body, 1);
        Exchange again = deliver(body, 2);

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(HistoryRoutes.STORED_HEADER)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(HistoryRoutes.STORED_HEADER)).isEqualTo(false);
        assertThat(history.weeklyRows("sh-1")).singleElement()
                .satisfies(row -> assertThat(row.units()).isEqualByComparingTo("2"));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAtOnceWithTheReasonAndWhereItCameFrom() {
        deliver("not json".getBytes(StandardCharsets.UTF_8), 1);

        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(event());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("sale").get("lines").get(0))
                .put("gtin", "6901234567891");
        deliver(Json.write(tree), 1);

        assertThat(deadLetters()).hasSize(2);
        var poison = deadLetters().get(0).getMessage();
        assertThat(poison.getHeader("dlqReason", String.class)).startsWith("$:");
        assertThat(poison.getHeaders()).containsEntry("dlqOriginalAddress", "storelink.sales.recorded")
                .containsEntry("dlqOriginalQueue", "recommend.sales").containsEntry("dlqFailedBy", "recommend.sales")
                .containsEntry("dlqFailedAt", NOW.toString());
        assertThat(deadLetters().get(1).getMessage().getHeader("dlqReason", String.class))
                .contains("sale.lines[0].gtin");
        assertThat(history.weeklyRows("sh-1")).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedByTheBrokerThenDeadLettered() throws Exception {
        TestData.shutdown(database); // the database goes away
        byte[] body = Json.write(event());

        Exchange early = deliver(body, 1);
        assertThat(early.getException()).isNotNull();
        assertThat(deadLetters()).isEmpty();

        Exchange last = deliver(body, 5);
        assertThat(last.getException()).isNull();
        assertThat(deadLetters()).singleElement().satisfies(dead ->
                assertThat(dead.getMessage().getHeader("dlqOriginalQueue")).isEqualTo("recommend.sales"));
        database = TestData.newDatabase(); // for the shutdown after the test
    }
}
