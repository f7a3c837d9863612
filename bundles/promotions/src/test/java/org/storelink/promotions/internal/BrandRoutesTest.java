package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;

/** Brand routes come and go in a running context; no other route is stopped or started again. */
class BrandRoutesTest {
    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private BrandRoutes brands;

    @BeforeEach
    void start() throws Exception {
        camel.addComponent("jms", new StubComponent());
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.RouteStartedEvent routeStarted) {
                    started.add(routeStarted.getRoute().getRouteId());
                } else if (event instanceof CamelEvent.RouteStoppedEvent routeStopped) {
                    stopped.add(routeStopped.getRoute().getRouteId());
                }
            }
        });
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:storelink.sales.recorded::promotions.sales").routeId("promotions.sales").log("x");
            }
        });
        camel.start();
        MutableClock clock = new MutableClock("2026-12-01T00:00:00Z");
        CatalogHandler handler = new CatalogHandler(null, clock);
        brands = new BrandRoutes(camel, id -> new CatalogRoutes(id, handler, 5, clock, CatalogRoutes.inputUri(id),
                CatalogRoutes.outputUri(id), CatalogRoutes.deadLetterUri()));
        started.clear();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private static Partner partner(String id, PartnerKind kind) {
        return new Partner(id, kind, Optional.empty(), Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aBrandGetsItsRouteWhileEverythingElseKeepsRunning() {
        brands.partnerAdded(partner("acme-foods", PartnerKind.BRAND));
        brands.partnerAdded(partner("acme-foods", PartnerKind.BRAND)); // told twice: still one route
        brands.partnerAdded(partner("wholesale-co", PartnerKind.WHOLESALER));
        brands.partnerAdded(partner("fleet-co", PartnerKind.FLEET));

        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("promotions.sales", "promotions.catalog.acme-foods");
        assertThat(camel.getRouteController().getRouteStatus("promotions.catalog.acme-foods"))
                .isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoute("promotions.catalog.acme-foods").getEndpoint().getEndpointUri())
                .startsWith("jms://queue:partner.acme-foods.in");
        assertThat(started).containsExactly("promotions.catalog.acme-foods");
        assertThat(stopped).isEmpty();
    }

    @Test
    void aRemovedBrandsRouteIsGoneAndOthersStay() {
        brands.partnerAdded(partner("acme-foods", PartnerKind.BRAND));
        brands.partnerAdded(partner("tea-co", PartnerKind.BRAND));

        brands.partnerRemoved(partner("acme-foods", PartnerKind.BRAND));
        brands.partnerRemoved(partner("wholesale-co", PartnerKind.WHOLESALER));

        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("promotions.sales", "promotions.catalog.tea-co");
        assertThat(stopped).containsExactly("promotions.catalog.acme-foods");
        assertThat(camel.getRouteController().getRouteStatus("promotions.sales")).isEqualTo(ServiceStatus.Started);

        brands.partnerAdded(partner("acme-foods", PartnerKind.BRAND)); // back again
        assertThat(camel.getRoute("promotions.catalog.acme-foods")).isNotNull();
    }
}
