package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.catalog;
import static org.storelink.promotions.internal.Fixtures.line;
import static org.storelink.promotions.internal.Fixtures.parse;
import static org.storelink.promotions.internal.Fixtures.sale;
import static org.storelink.promotions.internal.Fixtures.teaPromotion;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.AreaProfile;
import org.storelink.model.json.Json;

/** The sales route without a broker: input direct:sales, dead letters to mock:dlq. */
class SalesRoutesTest extends CamelTestSupport {
    private final MutableClock clock = new MutableClock("2026-12-02T12:00:00+08:00");
    private DataSource database;
    private JdbcPromotions db;

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected void doPreSetup() throws Exception {
        database = Fixtures.h2();
        PromotionsSchema.migrate(database, getClass().getClassLoader());
        db = new JdbcPromotions(database, new Fixtures.Stores().add("sh-001", "east", AreaProfile.STUDENT)::store,
                clock);
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"))));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("jms", new StubComponent());
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new SalesRoutes(db, 5, 1, clock, "mock:dlq");
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, SalesRoutes.ROUTE_ID, route -> route.replaceFromWith("direct:sales"));
        context.start();
    }

    @AfterEach
    void shutdown() throws Exception {
        Fixtures.shutdownH2(database);
    }

    private Exchange deliver(byte[] body) {
        return template.send("direct:sales", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSXDeliveryCount", 1);
        });
    }

    @Test
    void theInputIsTheModulesOwnDurableQueue() {
        assertThat(SalesRoutes.inputUri(1))
                .startsWith("jms:queue:storelink.sales.recorded::promotions.sales?transacted=true&");
    }

    @Test
    void aRedeemingSaleIsCountedOnceHoweverOftenItIsDelivered() throws Exception {
        byte[] body = Json.write(sale("sh-001", "1", "2026-12-02T09:00:00+08:00",
                line(1, Fixtures.TEA, "2", 350, 105, "A")));

        Exchange first = deliver(body);
        Exchange again = deliver(body);

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(SalesRoutes.REDEMPTIONS_HEADER)).isEqualTo(1);
        assertThat(again.getMessage().getHeader(SalesRoutes.REDEMPTIONS_HEADER)).isNull();
        assertThat(db.totals("A").redemptions()).isEqualTo(1);
        assertThat(getMockEndpoint("mock:dlq").getReceivedExchanges()).isEmpty();
    }

    @Test
    void aMessageThatIsNoSaleIsDeadLetteredAtOnceWithTheReason() {
        deliver("not json".getBytes(StandardCharsets.UTF_8));
        deliver("{\"eventId\":\"e\",\"sale\":{\"posId\":\"t\"}}".getBytes(StandardCharsets.UTF_8));

        assertThat(getMockEndpoint("mock:dlq").getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(DeadLetterHeaders.REASON, String.class))
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("$: not a SaleRecorded JSON event"),
                        reason -> assertThat(reason).isEqualTo("sale.storeId: is required"));
        assertThat(getMockEndpoint("mock:dlq").getReceivedExchanges().get(0).getMessage()
                .getHeader(DeadLetterHeaders.ORIGINAL_QUEUE)).isEqualTo("promotions.sales");
    }
}
