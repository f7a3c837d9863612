package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;
import org.storelink.delivery.Submission.Outcome;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;

/** On H2; {@link DeliveryServicePostgresTest} runs the same on PostgreSQL. */
class DeliveryServiceTest {
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private DataSource dataSource;
    JdbcDeliveries database;
    DeliveryService service;
    final AtomicInteger kicks = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final TestDatabases.Kind kind = kind();

    TestDatabases.Kind kind() {
        return TestDatabases.H2;
    }

    @BeforeEach
    void start() throws Exception {
        dataSource = kind.create();
        database = new JdbcDeliveries(dataSource, java.time.Duration.ofMinutes(5));
        service = new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of("east",
                TestPartners.ZOOM), Clock.fixed(NOW, ZoneOffset.UTC),
                () -> "d-" + ids.incrementAndGet(), kicks::incrementAndGet);
    }

    @AfterEach
    void stop() throws Exception {
        kind.drop(dataSource);
    }

    @Test
    void aValidRequestIsStoredWithItsMessageInTheOutbox() throws Exception {
        Submission submission = service.request("sh-001", TestRequests.bytes(TestRequests.VALID));

        assertThat(submission.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(submission.deliveryId()).isEqualTo("d-1");
        assertThat(submission.fleet()).isEqualTo("swift");
        assertThat(kicks).hasValue(1);
        List<JdbcDeliveries.OutboxEntry> outbox = database.pendingOutbox(10);
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).address()).isEqualTo("partner.swift.out");
        assertThat(outbox.get(0).fleet()).isEqualTo("swift");

        JsonNode message = Json.mapper().readTree(outbox.get(0).body());
        assertThat(message.get("type").asText()).isEqualTo("delivery-request");
        assertThat(message.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(message.get("orderRef").asText()).isEqualTo("WX-20261126-0042");
        assertThat(message.get("fleet").asText()).isEqualTo("swift");
        assertThat(message.get("pickup").toString()).isEqualTo("{\"storeId\":\"sh-001\",\"name\":\"Fudan Gate Corner"
                + " Shop\",\"latitude\":31.2989,\"longitude\":121.5015,\"zone\":\"Asia/Shanghai\"}");
        assertThat(message.get("dropOff").toString()).isEqualTo("{\"address\":\"Building 5, Room 301, 220 Handan"
                + " Rd\",\"latitude\":31.2975,\"longitude\":121.503,\"contact\":\"cust-7f3a9c21\"}");
        assertThat(message.get("items").toString()).isEqualTo("[{\"gtin\":\"06901234567892\",\"name\":\"Green tea"
                + " 500ml\",\"quantity\":2},{\"gtin\":\"04006381333931\",\"name\":\"Bananas\",\"quantity\":0.532}]");
        assertThat(message.get("window").toString())
                .isEqualTo("{\"from\":\"2026-11-26T18:00:00+08:00\",\"to\":\"2026-11-26T18:45:00+08:00\"}");
        // in the store's zone: 09:00Z is 17:00 in Shanghai
        assertThat(message.get("requestedAt").asText()).isEqualTo("2026-11-26T17:00:00+08:00");

        DeliveryView view = service.find("sh-001", "d-1").orElseThrow();
        assertThat(view.status()).isEqualTo(DeliveryStatus.REQUESTED);
        assertThat(view.dispatchedAt()).isNull();
        assertThat(view.history()).extracting(change -> change.status().code()).containsExactly("requested");
        assertThat(view.windowTo().toString()).isEqualTo("2026-11-26T18:45+08:00");
    }

    @Test
    void aResendOfTheSameOrderIsTheSameDeliveryAndNothingIsStoredTwice() {
        Submission first = service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        // the same order, formatted otherwise
        Submission again = service.request("sh-001", TestRequests.bytes(TestRequests.valid().toPrettyString()));

        assertThat(again.outcome()).isEqualTo(Outcome.EXISTING);
        assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(database.pendingOutbox(10)).hasSize(1);
        assertThat(kicks).hasValue(1);
        assertThat(service.day("sh-001", java.time.LocalDate.of(2026, 11, 26)).orElseThrow().deliveries())
                .hasSize(1);
    }

    @Test
    void theSameOrderRefAtAnotherStoreIsAnotherDelivery() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        var node = TestRequests.valid();
        Submission other = service.request("la-001", TestRequests.bytes(node));

        assertThat(other.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(other.deliveryId()).isEqualTo("d-2");
    }

    @Test
    void theSameOrderRefWithOtherContentIsAConflictNamingOrderRef() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        var changed = TestRequests.valid();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get("items").get(0)).put("quantity", 5);

        Submission submission = service.request("sh-001", TestRequests.bytes(changed));

        assertThat(submission.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(submission.deliveryId()).isEqualTo("d-1");
        assertThat(submission.violations()).extracting(Violation::path).containsExactly("orderRef");
        assertThat(database.pendingOutbox(10)).hasSize(1);
    }

    @Test
    void aResendAfterTheWindowHasPassedStillFindsTheDelivery() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        DeliveryService later = new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of(),
                Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC), () -> "x", () -> { });

        assertThat(later.request("sh-001", TestRequests.bytes(TestRequests.VALID)).outcome())
                .isEqualTo(Outcome.EXISTING);
    }

    @Test
    void withoutAFleetTheRegionsDefaultFleetIsUsed() throws Exception {
        var node = TestRequests.valid();
        node.remove("fleet");

        Submission submission = service.request("sh-001", TestRequests.bytes(node));

        assertThat(submission.fleet()).isEqualTo("zoom");
        assertThat(database.pendingOutbox(10).get(0).address()).isEqualTo("partner.zoom.out");
    }

    @Test
    void withoutAFleetInARegionWithoutDefaultFleetIsRefusedNamingFleet() {
        var node = TestRequests.valid();
        node.remove("fleet");

        Submission submission = service.request("la-001", TestRequests.bytes(node));

        assertThat(submission.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(submission.violations()).containsExactly(new Violation("fleet",
                "is required: region 'west' has no default fleet (fleets in org.storelink.delivery)"));
    }

    @Test
    void theFleetMustBeAKnownFleetPartner() {
        var unknown = TestRequests.valid().put("fleet", "nobody");
        var brand = TestRequests.valid().put("fleet", TestPartners.BRAND);

        assertThat(service.request("sh-001", TestRequests.bytes(unknown)).violations())
                .containsExactly(new Violation("fleet", "no partner 'nobody' is registered"));
        assertThat(service.request("sh-001", TestRequests.bytes(brand)).violations())
                .containsExactly(new Violation("fleet", "partner 'acme-foods' is a brand, not a fleet"));
        assertThat(database.pendingOutbox(10)).isEmpty();
    }

    @Test
    void aWindowThatHasEndedIsRefusedTogetherWithTheOtherProblems() {
        var node = TestRequests.valid().put("fleet", "nobody");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("window"))
                .put("from", "2026-11-26T08:00:00Z").put("to", "2026-11-26T09:00:00Z");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("items").get(0)).put("gtin", "1");

        Submission submission = service.request("sh-001", TestRequests.bytes(node));

        assertThat(submission.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(submission.violations()).extracting(Violation::path)
                .containsExactly("items[0].gtin", "window.to", "fleet");
        assertThat(submission.violations().get(1).message())
                .isEqualTo("is in the past (now is 2026-11-26T17:00:00+08:00)");
    }

    @Test
    void anUnknownStoreOrOneWithoutCoordinatesIsRefusedAndNothingStored() {
        assertThat(service.request("nope", TestRequests.bytes(TestRequests.VALID)).outcome())
                .isEqualTo(Outcome.UNKNOWN_STORE);
        Submission unsurveyed = service.request("sh-009", TestRequests.bytes(TestRequests.VALID));
        assertThat(unsurveyed.outcome()).isEqualTo(Outcome.STORE_NOT_DELIVERABLE);
        assertThat(unsurveyed.detail()).contains("no coordinates");
        assertThat(database.pendingOutbox(10)).isEmpty();
    }

    @Test
    void anotherStoresDeliveryIsNotFound() {
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));

        assertThat(service.find("la-001", "d-1")).isEmpty();
        assertThat(service.find("nope", "d-1")).isEmpty();
        assertThat(service.day("nope", null)).isEmpty();
    }
}
