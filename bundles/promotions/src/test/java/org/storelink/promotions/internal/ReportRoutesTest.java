package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.storelink.messaging.Addresses;

/** The publishing route: to the brand's own address, with the duplicate id and type. */
class ReportRoutesTest extends CamelTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new ReportRoutes(null, java.time.Duration.ofHours(1),
                "mock:partner.${exchangeProperty." + ReportRoutes.BRAND_PROPERTY + "}.out");
    }

    @Test
    void aReportGoesToTheBrandsOutAddressWithItsDuplicateId() throws Exception {
        try (CamelReportPublisher publisher = new CamelReportPublisher(context)) {
            publisher.publish("acme-foods", "promotion-report:A:2026-12-05T09:00:00Z", "{\"type\":\"promotion-report\"}");
        }
        Exchange sent = getMockEndpoint("mock:partner.acme-foods.out").getReceivedExchanges().get(0);
        assertThat(sent.getMessage().getBody(String.class)).isEqualTo("{\"type\":\"promotion-report\"}");
        assertThat(sent.getMessage().getHeader(Addresses.DUPLICATE_ID_PROPERTY))
                .isEqualTo("promotion-report:A:2026-12-05T09:00:00Z");
        assertThat(sent.getMessage().getHeader("type")).isEqualTo("promotion-report");
        assertThat(ReportRoutes.publishUri())
                .isEqualTo("jms:queue:partner.${exchangeProperty.storelinkBrand}.out?transacted=false");
    }
}
