package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.model.json.Json;

/**
 * Fleet swift's status route with its JMS endpoints replaced: input from direct:in, the dead-letter queue to
 * mock:dlq, the answer on partner.swift.out to mock:reply. Delivery d-1 is swift's, promised 18:00-18:45 Shanghai.
 */
class StatusRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T11:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private DataSource dataSource;
    private DeliveryService service;
    private CamelContext camel;
    private ProducerTemplate producer;

    private void start(DataSource routeDatabase) throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new StubComponent());
        StatusHandler handler = new StatusHandler(new JdbcDeliveries(routeDatabase, Duration.ofMinutes(5)), CLOCK,
                Duration.ofMinutes(5));
        camel.addRoutes(new StatusRoutes("swift", handler, 5, CLOCK));
        AdviceWith.adviceWith(camel, StatusRoutes.routeId("swift"), route -> {
            route.replaceFromWith("direct:in");
            route.weaveByToUri("jms:queue:storelink.dlq*").replace().to("mock:dlq");
            route.weaveByToUri("jms:queue:partner.swift.out*").replace().to("mock:reply");
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private void startWithDelivery() throws Exception {
        dataSource = TestDatabases.H2.create();
        JdbcDeliveries database = new JdbcDeliveries(dataSource, Duration.ofMinutes(5));
        service = new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of(),
                Clock.fixed(DeliveryServiceTest.NOW, ZoneOffset.UTC), () -> "d-1", () -> { });
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        start(dataSource);
    }

    @AfterEach
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (dataSource != null) {
            TestDatabases.H2.drop(dataSource);
        }
    }

    private Exchange deliver(byte[] body, int deliveryCount) {
        return producer.send("direct:in", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSMessageID", "ID:fleet-msg-" + deliveryCount);
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            exchange.getMessage().setHeader("fleetHeader", "from-the-fleet");
        });
    }

    private List<Exchange> received(String mock) {
        return camel.getEndpoint(mock, MockEndpoint.class).getReceivedExchanges();
    }

    private DeliveryStatus status() {
        return service.find("sh-001", "d-1").orElseThrow().status();
    }

    @Test
    void aValidStatusIsStoredAndNothingElseIsSent() throws Exception {
        startWithDelivery();

        Exchange result = deliver(TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00", "rider-1",
                null), 1);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(StatusRoutes.OUTCOME_HEADER)).isEqualTo("APPLIED");
        assertThat(status()).isEqualTo(DeliveryStatus.ASSIGNED);
        assertThat(received("mock:dlq")).isEmpty();
        assertThat(received("mock:reply")).isEmpty();
    }

    @Test
    void aRedeliveredStatusIsADuplicateAndAcknowledged() throws Exception {
        startWithDelivery();
        byte[] assigned = TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00", "rider-1", null);
        deliver(assigned, 1);

        Exchange again = deliver(assigned, 2);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(StatusRoutes.OUTCOME_HEADER)).isEqualTo("DUPLICATE");
        assertThat(service.find("sh-001", "d-1").orElseThrow().history()).hasSize(2);
        assertThat(received("mock:dlq")).isEmpty();
        assertThat(received("mock:reply")).isEmpty();
    }

    @Test
    void aMalformedStatusIsDeadLetteredWithItsReasonAndAnsweredWithAnError() throws Exception {
        startWithDelivery();

        Exchange result = deliver(TestRequests.bytes("{\"deliveryId\":\"d-1\",\"status\":\"lost\",\"at\":\"soon\"}"),
                1);

        assertThat(result.getException()).isNull();
        assertThat(received("mock:dlq")).hasSize(1);
        var deadLetter = received("mock:dlq").get(0).getMessage();
        assertThat(deadLetter.getHeader("dlqReason", String.class))
                .startsWith("status: must be one of assigned, picked-up, delivered, failed, got 'lost'; at: must be");
        assertThat(deadLetter.getHeader("dlqOriginalAddress")).isEqualTo("partner.swift.in");
        assertThat(deadLetter.getHeader("dlqOriginalQueue")).isEqualTo("partner.swift.in");
        assertThat(deadLetter.getHeader("dlqFailedBy")).isEqualTo("delivery.status.swift");
        assertThat(deadLetter.getHeader("dlqFailedAt")).isEqualTo(NOW.toString());
        assertThat(deadLetter.getHeader("dlqId", String.class)).isNotBlank();
        assertThat(deadLetter.getBody(String.class)).contains("\"status\":\"lost\"");

        assertThat(received("mock:reply")).hasSize(1);
        var reply = received("mock:reply").get(0).getMessage();
        JsonNode error = Json.mapper().readTree(reply.getBody(byte[].class));
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("inReplyTo").toString()).isEqualTo("{\"type\":\"delivery-status\",\"messageId\":"
                + "\"ID:fleet-msg-1\",\"deliveryId\":\"d-1\",\"status\":\"lost\"}");
        assertThat(error.get("errors").findValuesAsText("field")).containsExactly("status", "at");
        assertThat(error.get("at").asText()).isEqualTo("2026-11-26T11:00:00Z");
        assertThat(reply.getHeader("JMSCorrelationID")).isEqualTo("ID:fleet-msg-1");
        assertThat(reply.getHeader("_AMQ_DUPL_ID")).isEqualTo("error:ID:fleet-msg-1");
        assertThat(reply.getHeader("storelinkType")).isEqualTo("error");
        // neither the fleet's own headers nor the dead letter's go back
        assertThat(reply.getHeaders()).doesNotContainKeys("fleetHeader", "dlqReason", "JMSXDeliveryCount");
        assertThat(status()).isEqualTo(DeliveryStatus.REQUESTED);
    }

    @Test
    void notJsonIsDeadLetteredAndAnswered() throws Exception {
        startWithDelivery();

        deliver(TestRequests.bytes("<status>delivered</status>"), 1);

        assertThat(received("mock:dlq").get(0).getMessage().getHeader("dlqReason", String.class))
                .startsWith("$: not valid JSON");
        JsonNode error = Json.mapper().readTree(received("mock:reply").get(0).getMessage().getBody(byte[].class));
        assertThat(error.get("inReplyTo").has("deliveryId")).isFalse();
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("$");
    }

    @Test
    void anInvalidTransitionIsDeadLetteredAndAnsweredNamingTheProblem() throws Exception {
        startWithDelivery();
        deliver(TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00", "rider-1", null), 1);
        deliver(TestRequests.status("d-1", "picked-up", "2026-11-26T17:50:00+08:00", null, null), 1);
        deliver(TestRequests.status("d-1", "delivered", "2026-11-26T18:20:00+08:00", null, null), 1);

        deliver(TestRequests.status("d-1", "assigned", "2026-11-26T18:30:00+08:00", "rider-2", null), 1);

        assertThat(received("mock:dlq")).hasSize(1);
        JsonNode error = Json.mapper().readTree(received("mock:reply").get(0).getMessage().getBody(byte[].class));
        assertThat(error.get("errors").toString()).isEqualTo("[{\"field\":\"status\",\"reason\":\"cannot go from"
                + " delivered to assigned: the delivery is delivered already\"}]");
        assertThat(status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void anUnknownDeliveryIsDeadLetteredAndAnswered() throws Exception {
        startWithDelivery();

        deliver(TestRequests.status("d-404", "assigned", "2026-11-26T17:40:00+08:00", "rider-1", null), 1);

        assertThat(received("mock:dlq").get(0).getMessage().getHeader("dlqReason", String.class))
                .isEqualTo("deliveryId: no delivery 'd-404' for fleet 'swift' (unknown delivery)");
        JsonNode error = Json.mapper().readTree(received("mock:reply").get(0).getMessage().getBody(byte[].class));
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("deliveryId");
    }

    @Test
    void aTransientFailureRollsBackUntilTheLastAttemptThenDeadLettersWithoutAnswer() throws Exception {
        start(unavailable());
        byte[] assigned = TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00", "rider-1", null);

        Exchange first = deliver(assigned, 1);
        assertThat(first.getException()).isNotNull();
        assertThat(received("mock:dlq")).isEmpty();

        Exchange last = deliver(assigned, 5);
        assertThat(last.getException()).isNull();
        assertThat(received("mock:dlq")).hasSize(1);
        assertThat(received("mock:dlq").get(0).getMessage().getHeader("dlqReason", String.class))
                .contains("database unavailable");
        assertThat(received("mock:reply")).isEmpty();
    }

    /** A database that is down. */
    private static DataSource unavailable() throws SQLException {
        DataSource down = mock(DataSource.class);
        when(down.getConnection()).thenThrow(new SQLException("database unavailable", "08001"));
        return down;
    }
}
