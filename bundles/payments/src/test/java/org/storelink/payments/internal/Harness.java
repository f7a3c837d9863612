package org.storelink.payments.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;

/**
 * The routes in process: a fresh H2 database with the module's migrations, the configured accounts, and a mock
 * endpoint (or a failing one) in place of the broker.
 */
final class Harness implements AutoCloseable {
    static final String PUBLISHED = "mock:published";
    static final String FAILING = "direct:failing-broker";
    static final String SHANGHAI_STORE = "sh-campus-001";
    static final String OTHER_STORE = "sh-office-002";
    static final byte[] PSEUDONYM_KEY = "a-test-pseudonym-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

    final JdbcDataSource dataSource;
    final Accounts accounts = new Accounts();
    final PaymentStore store;
    final Pseudonyms pseudonyms = new Pseudonyms(PSEUDONYM_KEY);
    final CamelContext camel;
    final ProducerTemplate producer;
    private volatile boolean brokerDown;

    /** Knows two Shanghai stores. */
    static final class Stores implements StoreRegistry {
        private final List<Store> stores = List.of(
                new Store(SHANGHAI_STORE, "Campus", "east", null, ZoneId.of("Asia/Shanghai"), null),
                new Store(OTHER_STORE, "Office", "east", null, ZoneId.of("Asia/Shanghai"), null));

        @Override
        public Optional<Store> store(String id) {
            return stores.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return stores;
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return Optional.empty();
        }
    }

    Harness(Clock clock) throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:payments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        PaymentsSchema.migrate(dataSource, getClass().getClassLoader());
        store = new PaymentStore(dataSource, clock);
        StoreRegistry stores = new Stores();
        camel = new DefaultCamelContext();
        camel.addRoutes(new PaymentRoutes(new AlipayNotifications(accounts, stores, store, pseudonyms, clock),
                new WechatNotifications(accounts, stores, store, pseudonyms, clock), store, "direct:broker"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // No error handler of its own: a failure reaches the caller as a failing JMS producer's would.
                errorHandler(noErrorHandler());
                from("direct:broker").routeId("test-broker")
                        .process(exchange -> {
                            if (brokerDown) {
                                throw new IllegalStateException("broker unavailable");
                            }
                        })
                        .to(PUBLISHED);
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    void brokerDown(boolean down) {
        brokerDown = down;
    }

    MockEndpoint published() {
        return camel.getEndpoint(PUBLISHED, MockEndpoint.class);
    }

    List<PaymentRecorded> events() {
        List<PaymentRecorded> events = new ArrayList<>();
        for (Exchange exchange : published().getReceivedExchanges()) {
            events.add(Json.read(exchange.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                    PaymentRecorded.class));
        }
        return events;
    }

    Exchange alipay(byte[] body) {
        return producer.send(PaymentRoutes.ALIPAY, exchange -> exchange.getMessage().setBody(body));
    }

    Exchange wechat(WechatNotifications.Request request) {
        return producer.send(PaymentRoutes.WECHAT, exchange -> {
            exchange.getMessage().setBody(request.body());
            exchange.getMessage().setHeader(WechatSignature.SERIAL, request.serial());
            exchange.getMessage().setHeader(WechatSignature.SIGNATURE, request.signature());
            exchange.getMessage().setHeader(WechatSignature.TIMESTAMP, request.timestamp());
            exchange.getMessage().setHeader(WechatSignature.NONCE, request.nonce());
        });
    }

    static Answer answer(Exchange result) {
        return result.getProperty(PaymentRoutes.ANSWER, Answer.class);
    }

    static String text(Exchange result) {
        return new String(answer(result).body(), StandardCharsets.UTF_8);
    }

    long count(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every text value in the payment tables, to show what is (not) stored. */
    String dump() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("payments_payment", "payments_notification", "payments_refund")) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        all.append(rows.getString(i)).append('|');
                    }
                    all.append('\n');
                }
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        camel.close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
