package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.json.Json;
import org.storelink.partners.PartnerKind;

/**
 * The outbox dispatcher and its routes, with the broker replaced by Camel's stub component: an in-memory queue per
 * JMS destination, so what the route sends to {@code jms:queue:partner.swift.out} can be received from there.
 */
class DispatchRoutesTest {
    private static final Instant SENT = Instant.parse("2026-11-26T09:00:05Z");

    private DataSource dataSource;
    private JdbcDeliveries database;
    private DeliveryService service;
    private final TestPartners partners = new TestPartners();
    private CamelContext camel;
    private CamelSender sender;
    private OutboxDispatcher dispatcher;
    private ConsumerTemplate consumer;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.H2.create();
        database = new JdbcDeliveries(dataSource, Duration.ofMinutes(5));
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new StubComponent());
        sender = new CamelSender(camel);
        dispatcher = new OutboxDispatcher(database, sender,
                id -> partners.find(id).filter(p -> p.kind() == PartnerKind.FLEET).isPresent(),
                Clock.fixed(SENT, ZoneOffset.UTC));
        // a timer pass in an hour only: the tests drive the passes
        camel.addRoutes(new DispatchRoutes(dispatcher, Duration.ofHours(1)));
        camel.start();
        consumer = camel.createConsumerTemplate();
        int[] ids = {0};
        service = new DeliveryService(database, TestStores.all(), partners, Map.of(),
                Clock.fixed(DeliveryServiceTest.NOW, ZoneOffset.UTC), () -> "d-" + ++ids[0], () -> { });
    }

    @AfterEach
    void stop() throws Exception {
        consumer.close();
        sender.close();
        camel.close();
        TestDatabases.H2.drop(dataSource);
    }

    private Exchange receive() {
        return consumer.receive("jms:queue:partner.swift.out", 5_000);
    }

    @Test
    void aStoredRequestIsSentToTheFleetWithTheDeliveryIdAsDuplicateIdThenMarkedSent() throws Exception {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));

        assertThat(dispatcher.dispatchPending()).isEqualTo(1);

        Exchange sent = receive();
        assertThat(sent).isNotNull();
        assertThat(sent.getMessage().getHeader("_AMQ_DUPL_ID")).isEqualTo("d-1");
        assertThat(sent.getMessage().getHeader("storelinkType")).isEqualTo("delivery-request");
        JsonNode body = Json.mapper().readTree(sent.getMessage().getBody(byte[].class));
        assertThat(body.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(body.get("type").asText()).isEqualTo("delivery-request");
        assertThat(database.pendingOutbox(10)).isEmpty();
        assertThat(service.find("sh-001", "d-1").orElseThrow().dispatchedAt()).isEqualTo(SENT);
        // nothing is sent twice
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(consumer.receive("jms:queue:partner.swift.out", 200)).isNull();
    }

    @Test
    void anImmediatePassIsAskedForThroughTheSedaRoute() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));

        sender.dispatchSoon();

        assertThat(receive()).isNotNull();
    }

    @Test
    void aFailedSendStaysInTheOutboxAndIsSentAtALaterPass() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        List<String> attempts = new ArrayList<>();
        OutboxDispatcher failing = new OutboxDispatcher(database, (address, id, body) -> {
            attempts.add(address + " " + id);
            throw new IllegalStateException("broker unavailable");
        }, id -> true, Clock.fixed(SENT, ZoneOffset.UTC));

        assertThat(failing.dispatchPending()).isZero();
        assertThat(failing.dispatchPending()).isZero();

        assertThat(attempts).containsExactly("partner.swift.out d-1", "partner.swift.out d-1");
        assertThat(database.pendingOutbox(10)).extracting(JdbcDeliveries.OutboxEntry::attempts).containsExactly(2);
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        assertThat(receive()).isNotNull();
    }

    @Test
    void aFleetThatIsNoLongerAPartnerGetsNothingUntilItIsBack() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        partners.remove(TestPartners.SWIFT);

        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(database.pendingOutbox(10)).hasSize(1);

        partners.add(TestPartners.SWIFT, PartnerKind.FLEET);
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
    }

    @Test
    void oneFleetsFailureDoesNotHoldBackAnother() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        service.request("sh-001", TestRequests.bytes(TestRequests.valid().put("orderRef", "B").put("fleet", "zoom")));
        partners.remove(TestPartners.SWIFT);

        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        assertThat(consumer.receive("jms:queue:partner.zoom.out", 5_000)).isNotNull();
    }
}
