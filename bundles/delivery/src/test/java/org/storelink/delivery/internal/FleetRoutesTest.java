package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.partners.PartnerKind;

/**
 * Status routes added to and removed from a running context as fleets come and go; the broker is Camel's stub
 * component, so a status sent to {@code jms:queue:partner.swift.in} reaches the added route.
 */
class FleetRoutesTest {
    private DataSource dataSource;
    private DeliveryService service;
    private CamelContext camel;
    private FleetRoutes fleets;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.H2.create();
        JdbcDeliveries database = new JdbcDeliveries(dataSource, Duration.ofMinutes(5));
        service = new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of(),
                Clock.fixed(DeliveryServiceTest.NOW, ZoneOffset.UTC), () -> "d-1", () -> { });
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T11:00:00Z"), ZoneOffset.UTC);
        StatusHandler handler = new StatusHandler(database, clock, Duration.ofMinutes(5));
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new StubComponent());
        camel.start();
        fleets = new FleetRoutes(camel, fleet -> new StatusRoutes(fleet, handler, 5, clock), Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        TestDatabases.H2.drop(dataSource);
    }

    @Test
    void aRouteIsAddedAndStartedForEachFleetOnlyOnce() {
        fleets.partnerAdded(TestPartners.partner("swift", PartnerKind.FLEET));
        fleets.partnerAdded(TestPartners.partner("acme-foods", PartnerKind.BRAND));
        fleets.partnerAdded(TestPartners.partner("metro-wholesale", PartnerKind.WHOLESALER));
        fleets.partnerAdded(TestPartners.partner("swift", PartnerKind.FLEET));
        fleets.partnerAdded(TestPartners.partner("zoom", PartnerKind.FLEET));

        assertThat(fleets.fleets()).containsExactly("swift", "zoom");
        assertThat(camel.getRouteController().getRouteStatus("delivery.status.swift"))
                .isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aStatusSentToTheFleetsInAddressReachesTheAddedRoute() throws Exception {
        fleets.partnerAdded(TestPartners.partner("swift", PartnerKind.FLEET));

        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.sendBody("jms:queue:partner.swift.in", TestRequests.status("d-1", "assigned",
                    "2026-11-26T17:40:00+08:00", "rider-1", null));
            producer.sendBody("jms:queue:partner.swift.in", TestRequests.bytes("{\"deliveryId\":\"d-1\"}"));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(service.find("sh-001", "d-1").orElseThrow().status()).isEqualTo(DeliveryStatus.ASSIGNED));
        try (ConsumerTemplate consumer = camel.createConsumerTemplate()) {
            Exchange error = consumer.receive("jms:queue:partner.swift.out", 10_000);
            assertThat(error).isNotNull();
            assertThat(error.getMessage().getBody(String.class)).contains("\"type\":\"error\"")
                    .contains("\"field\":\"status\"");
            assertThat(consumer.receive("jms:queue:storelink.dlq", 10_000)).isNotNull();
        }
    }

    @Test
    void aRemovedFleetsRouteIsStoppedAndRemoved() {
        fleets.partnerAdded(TestPartners.partner("swift", PartnerKind.FLEET));
        fleets.partnerAdded(TestPartners.partner("zoom", PartnerKind.FLEET));

        fleets.partnerRemoved(TestPartners.partner("swift", PartnerKind.FLEET));
        fleets.partnerRemoved(TestPartners.partner("acme-foods", PartnerKind.BRAND));

        assertThat(fleets.fleets()).containsExactly("zoom");
        assertThat(camel.getRoute("delivery.status.swift")).isNull();
        // and it can come back
        fleets.partnerAdded(TestPartners.partner("swift", PartnerKind.FLEET));
        assertThat(fleets.fleets()).containsExactly("swift", "zoom");
    }
}
