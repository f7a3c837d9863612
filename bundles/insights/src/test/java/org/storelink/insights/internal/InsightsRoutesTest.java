package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.insights.internal.TestEvents.GREEN_TEA;
import static org.storelink.insights.internal.TestEvents.paid;
import static org.storelink.insights.internal.TestEvents.payment;
import static org.storelink.insights.internal.TestEvents.rows;
import static org.storelink.insights.internal.TestEvents.sale;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AgeBand;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;

/**
 * Both routes with camel-test-junit5, without a broker: input from direct:sales and direct:payments instead of the
 * JMS queues, and dead letters to mock:dlq.
 */
class InsightsRoutesTest extends CamelTestSupport {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final int MAX_DELIVERY_ATTEMPTS = 5;

    private JdbcDataSource database;
    private final SwitchableDataSource dataSource = new SwitchableDataSource();

    /** The H2 database, or a database that is down. */
    private final class SwitchableDataSource implements DataSource {
        volatile boolean down;

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("database unavailable", "08001");
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected void doPreSetup() throws Exception {
        database = TestEvents.newDatabase();
        InsightsSchema.migrate(database, getClass().getClassLoader());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // no broker here: any jms: endpoint left in place resolves to an in-memory stub
        camel.addComponent("jms", new StubComponent());
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JdbcRollups rollups = new JdbcRollups(dataSource, id -> Optional.of(TestEvents.SHANGHAI), clock);
        return new InsightsRoutes(rollups, MAX_DELIVERY_ATTEMPTS, 1, clock, "mock:dlq");
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, InsightsRoutes.SALES_ROUTE_ID, route -> route.replaceFromWith("direct:sales"));
        AdviceWith.adviceWith(context, InsightsRoutes.PAYMENTS_ROUTE_ID,
                route -> route.replaceFromWith("direct:payments"));
        context.start();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        TestEvents.shutdown(database);
    }

    private Exchange deliver(String endpoint, byte[] body, int deliveryCount) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
        });
    }

    private List<Exchange> deadLetters() {
        return getMockEndpoint("mock:dlq").getReceivedExchanges();
    }

    private static SaleRecorded tea() {
        return sale("000123").line(GREEN_TEA, "Green tea 500ml", "2", 350).paidWith("ORDER-1")
                .customer("loyal-1", AgeBand.AGE_25_34).recorded();
    }

    @Test
    void theRouteInputsAreTheModulesOwnQueuesTransacted() {
        assertThat(InsightsRoutes.inputUri("storelink.sales.recorded", InsightsRoutes.SALES_QUEUE, 2))
                .startsWith("jms:queue:storelink.sales.recorded::insights.sales?transacted=true&");
        assertThat(InsightsRoutes.inputUri("storelink.payments.recorded", InsightsRoutes.PAYMENTS_QUEUE, 1))
                .startsWith("jms:queue:storelink.payments.recorded::insights.payments?transacted=true&");
        assertThat(InsightsRoutes.deadLetterUri()).isEqualTo("jms:queue:storelink.dlq?transacted=true");
    }

    @Test
    void aSaleIsCountedOnceHoweverOftenItIsDelivered() throws Exception {
        byte[] body = Json.write(tea());

        Exchange first = deliver("direct:sales", body, 1);
        Exchange again = deliver("direct:sales", body, 2);

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(InsightsRoutes.COUNTED_HEADER)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(InsightsRoutes.COUNTED_HEADER)).isEqualTo(false);
        assertThat(rows(database, "SELECT sale_count, revenue_minor FROM insights_hourly"))
                .containsExactly(List.of(1L, 700L));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aPaymentEventAttributesTheSaleAndIsCountedOnce() throws Exception {
        deliver("direct:sales", Json.write(tea()), 1);
        byte[] payment = Json.write(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24)));

        Exchange first = deliver("direct:payments", payment, 1);
        Exchange again = deliver("direct:payments", payment, 2);

        assertThat(first.getMessage().getHeader(InsightsRoutes.COUNTED_HEADER)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(InsightsRoutes.COUNTED_HEADER)).isEqualTo(false);
        assertThat(rows(database, "SELECT customer_ref, sale_count FROM insights_customer_day"))
                .containsExactly(List.of("payer-a", 1L));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredAtOnceWithTheReasonAndItsQueue() {
        byte[] body = "this is not JSON".getBytes(StandardCharsets.UTF_8);

        Exchange result = deliver("direct:sales", body, 1);

        assertThat(result.getException()).isNull();
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            Map<String, Object> headers = dead.getMessage().getHeaders();
            assertThat(headers.get("dlqReason")).asString().startsWith("$: not a SaleRecorded JSON event");
            assertThat(headers).containsEntry("dlqOriginalAddress", "storelink.sales.recorded")
                    .containsEntry("dlqOriginalQueue", "insights.sales")
                    .containsEntry("dlqFailedBy", "insights.sales")
                    .containsEntry("dlqFailedAt", NOW.toString());
            assertThat(UUID.fromString((String) headers.get("dlqId"))).isNotNull();
            assertThat(dead.getMessage().getBody(byte[].class)).isEqualTo(body);
        });
    }

    @Test
    void anInvalidSaleIsDeadLetteredNamingTheField() throws Exception {
        ObjectNode tree = Json.mapper().valueToTree(tea());
        ((ObjectNode) tree.get("sale")).putArray("tenders");

        deliver("direct:sales", Json.write(tree), 1);

        assertThat(deadLetters()).singleElement().satisfies(dead ->
                assertThat(dead.getMessage().getHeader("dlqReason", String.class)).contains("sale.tenders"));
        assertThat(rows(database, "SELECT COUNT(*) FROM insights_sale")).containsExactly(List.of(0L));
    }

    @Test
    void anInvalidPaymentIsDeadLetteredFromThePaymentsQueue() throws Exception {
        ObjectNode tree = Json.mapper().valueToTree(paid(payment("ORDER-1", "T1", "payer-a", null)));
        ((ObjectNode) tree.get("payment")).put("refunded", 900);

        deliver("direct:payments", Json.write(tree), 1);

        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.getMessage().getHeader("dlqReason", String.class))
                    .contains("must satisfy 0 <= refunded <= amount");
            assertThat(dead.getMessage().getHeaders()).containsEntry("dlqOriginalAddress", "storelink.payments.recorded")
                    .containsEntry("dlqOriginalQueue", "insights.payments")
                    .containsEntry("dlqFailedBy", "insights.payments");
        });
    }

    @Test
    void aTransientFailureBeforeTheLastAttemptFailsForRedelivery() {
        dataSource.down = true;

        Exchange result = deliver("direct:sales", Json.write(tea()), MAX_DELIVERY_ATTEMPTS - 1);

        assertThat(result.getException()).isInstanceOf(SQLException.class).hasMessage("database unavailable");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aTransientFailureOnTheLastAttemptIsDeadLetteredWithTheError() {
        dataSource.down = true;

        Exchange result = deliver("direct:payments",
                Json.write(paid(payment("ORDER-1", "T1", "payer-a", null))), MAX_DELIVERY_ATTEMPTS);

        assertThat(result.getException()).isNull();
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.getMessage().getHeader("dlqReason")).isEqualTo("database unavailable");
            assertThat(dead.getMessage().getHeader("dlqOriginalQueue")).isEqualTo("insights.payments");
        });
    }
}
