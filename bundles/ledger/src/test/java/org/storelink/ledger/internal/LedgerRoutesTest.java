package org.storelink.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;

/**
 * The route with its JMS endpoints replaced: input from direct:in, and every send to a jms: endpoint (the
 * dead-letter queue, from both error handlers) goes to mock:dlq instead.
 */
class LedgerRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int MAX_DELIVERY_ATTEMPTS = 5;
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private CamelContext camel;
    private ProducerTemplate producer;
    private JdbcDataSource database;

    /** A database that is down. */
    private static final class UnavailableDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("database unavailable", "08001");
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

    private JdbcLedger h2Ledger() {
        database = TestSales.newDatabase();
        LedgerSchema.migrate(database, getClass().getClassLoader());
        return ledgerOn(database);
    }

    private static JdbcLedger ledgerOn(DataSource dataSource) {
        return new JdbcLedger(dataSource, id -> Optional.of(ZoneId.of("Asia/Shanghai")), CLOCK);
    }

    private void start(JdbcLedger ledger) throws Exception {
        camel = new DefaultCamelContext();
        // no broker here: any jms: endpoint the advice leaves in place resolves to an in-memory stub
        camel.addComponent("jms", new StubComponent());
        camel.addRoutes(new LedgerRoutes(ledger, MAX_DELIVERY_ATTEMPTS, 1, CLOCK));
        AdviceWith.adviceWith(camel, LedgerRoutes.ROUTE_ID, route -> {
            route.replaceFromWith("direct:in");
            route.weaveByToUri("jms:*").replace().to("mock:dlq");
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (database != null) {
            TestSales.shutdown(database);
        }
    }

    private Exchange deliver(byte[] body, int deliveryCount) {
        return producer.send("direct:in", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(DELIVERY_COUNT, deliveryCount);
        });
    }

    private List<Exchange> deadLetters() {
        return camel.getEndpoint("mock:dlq", MockEndpoint.class).getReceivedExchanges();
    }

    @Test
    void validEventIsStoredAndNotDeadLettered() throws Exception {
        JdbcLedger ledger = h2Ledger();
        start(ledger);
        SaleRecorded event = LedgerRoutesDecodeTest.validEvent();

        Exchange result = deliver(Json.write(event), 1);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LedgerRoutes.STORED_HEADER)).isEqualTo(true);
        assertThat(ledger.count(event.sale().saleId())).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void redeliveredEventIsNotStoredTwice() throws Exception {
        JdbcLedger ledger = h2Ledger();
        start(ledger);
        byte[] body = Json.write(LedgerRoutesDecodeTest.validEvent());

        deliver(body, 1);
        Exchange again = deliver(body, 2);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(LedgerRoutes.STORED_HEADER)).isEqualTo(false);
        assertThat(ledger.count("sh-001/till-1/000123")).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void poisonMessageIsDeadLetteredAtOnceWithTheReasonAndWhereItCameFrom() throws Exception {
        start(h2Ledger());
        byte[] body = "this is not JSON".getBytes(StandardCharsets.UTF_8);

        Exchange result = deliver(body, 1);

        assertThat(result.getException()).isNull();
        assertThat(deadLetters()).hasSize(1);
        var dead = deadLetters().get(0).getMessage();
        Map<String, Object> headers = dead.getHeaders();
        assertThat(headers.get("dlqReason")).asString().startsWith("$:");
        assertThat(headers).containsEntry("dlqOriginalAddress", "storelink.sales.recorded")
                .containsEntry("dlqOriginalQueue", "ledger.sales")
                .containsEntry("dlqFailedBy", "ledger.sales")
                .containsEntry("dlqFailedAt", NOW.toString());
        assertThat(UUID.fromString((String) headers.get("dlqId"))).isNotNull();
        assertThat(dead.getBody(byte[].class)).isEqualTo(body);
    }

    @Test
    void invalidSaleIsDeadLetteredNamingTheField() throws Exception {
        JdbcLedger ledger = h2Ledger();
        start(ledger);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper()
                .valueToTree(LedgerRoutesDecodeTest.validEvent());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("sale")).putArray("tenders");

        deliver(Json.write(tree), 1);

        assertThat(deadLetters()).singleElement().satisfies(dead ->
                assertThat(dead.getMessage().getHeader("dlqReason", String.class)).contains("sale.tenders"));
        assertThat(ledger.count("sh-001/till-1/000123")).isZero();
    }

    @Test
    void transientFailureBeforeTheLastAttemptFailsTheExchangeForRedelivery() throws Exception {
        start(ledgerOn(new UnavailableDataSource()));

        Exchange result = deliver(Json.write(LedgerRoutesDecodeTest.validEvent()), 1);

        assertThat(result.getException()).isInstanceOf(SQLException.class).hasMessage("database unavailable");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void transientFailureOneAttemptBeforeTheLimitStillFails() throws Exception {
        start(ledgerOn(new UnavailableDataSource()));

        Exchange result = deliver(Json.write(LedgerRoutesDecodeTest.validEvent()), MAX_DELIVERY_ATTEMPTS - 1);

        assertThat(result.getException()).isInstanceOf(SQLException.class);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void transientFailureOnTheLastAttemptIsDeadLetteredWithTheError() throws Exception {
        start(ledgerOn(new UnavailableDataSource()));

        Exchange result = deliver(Json.write(LedgerRoutesDecodeTest.validEvent()), MAX_DELIVERY_ATTEMPTS);

        assertThat(result.getException()).isNull();
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.getMessage().getHeader("dlqReason")).isEqualTo("database unavailable");
            assertThat(dead.getMessage().getHeader("dlqOriginalQueue")).isEqualTo("ledger.sales");
            assertThat(dead.getMessage().getHeader("dlqFailedBy")).isEqualTo("ledger.sales");
        });
    }
}
