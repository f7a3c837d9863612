package org.storelink.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.reconciliation.internal.TestData.NOV_26;
import static org.storelink.reconciliation.internal.TestData.NOV_27;
import static org.storelink.reconciliation.internal.TestData.SHANGHAI;
import static org.storelink.reconciliation.internal.TestData.STORE;
import static org.storelink.reconciliation.internal.TestData.credit;
import static org.storelink.reconciliation.internal.TestData.detail;
import static org.storelink.reconciliation.internal.TestData.paid;
import static org.storelink.reconciliation.internal.TestData.recorded;
import static org.storelink.reconciliation.internal.TestData.sale;
import static org.storelink.reconciliation.internal.TestData.tender;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.messaging.Addresses;
import org.storelink.model.Discrepancy;
import org.storelink.model.TenderType;
import org.storelink.model.json.Json;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;
import org.storelink.reconciliation.internal.ReconciliationRoutes.Inbound;

/**
 * The routes with their JMS endpoints replaced: each queue is read from {@code direct:<queue>}, dead letters go to
 * mock:dlq and published discrepancies to mock:discrepancy.
 */
class ReconciliationRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final String SALE_ID = "sh-001/till-1/r1";
    private static final String MISSING_PAYMENT_ID =
            "sh-001:2026-11-26:sale-without-payment:tender:sh-001/till-1/r1#1";

    private final TestData.MovableClock clock = new TestData.MovableClock(NOW);
    private JdbcDataSource database;
    private JdbcReconciliationStore store;
    private Reconciler reconciler;
    private CamelDiscrepancyPublisher publisher;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        database = TestData.newDatabase();
        ReconciliationSchema.migrate(database, getClass().getClassLoader());
        store = new JdbcReconciliationStore(database, this::zone, clock);
        camel = new DefaultCamelContext();
        // no broker here: any jms: endpoint the advice leaves in place resolves to an in-memory stub
        camel.addComponent("jms", new StubComponent());
        publisher = new CamelDiscrepancyPublisher(camel);
        reconciler = new Reconciler(store, this::zone, publisher,
                new Reconciler.Settings(Duration.ofMinutes(10), 3, 14, Duration.ofMinutes(60), 7), clock);
        camel.addRoutes(new ReconciliationRoutes(store, 5, 1, clock));
        camel.addRoutes(new RunRoutes(reconciler, Duration.ofMinutes(15)));
        for (Inbound inbound : Inbound.values()) {
            AdviceWith.adviceWith(camel, inbound.routeId(), route -> {
                route.replaceFromWith("direct:" + inbound.queue());
                // the builder's error handlers are shared by its three routes: replacing their send once is enough
                if (inbound == Inbound.SALES) {
                    route.weaveByToUri("jms:*").replace().to("mock:dlq");
                }
            });
        }
        AdviceWith.adviceWith(camel, RunRoutes.PUBLISH_ROUTE_ID,
                route -> route.weaveByToUri("jms:*").replace().to("mock:discrepancy"));
        AdviceWith.adviceWith(camel, RunRoutes.SCHEDULE_ROUTE_ID, route -> route.replaceFromWith("direct:tick"));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private Optional<java.time.ZoneId> zone(String storeId) {
        return storeId.startsWith("sh-") ? Optional.of(SHANGHAI) : Optional.empty();
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        publisher.close();
        camel.close();
        TestData.shutdown(database);
    }

    private Exchange deliver(Inbound inbound, byte[] body, int deliveryCount) {
        return producer.send("direct:" + inbound.queue(), exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(DELIVERY_COUNT, deliveryCount);
        });
    }

    private Exchange deliver(Inbound inbound, Object event) {
        return deliver(inbound, Json.write(event), 1);
    }

    private List<Exchange> deadLetters() {
        return camel.getEndpoint("mock:dlq", MockEndpoint.class).getReceivedExchanges();
    }

    private MockEndpoint published() {
        return camel.getEndpoint("mock:discrepancy", MockEndpoint.class);
    }

    private List<String> publishedIds() {
        return published().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Addresses.DUPLICATE_ID_PROPERTY, String.class)).toList();
    }

    @Test
    void eachEventIsStoredOnceAndARedeliveryChangesNothing() {
        var sale = recorded(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));
        var payment = recorded(paid("T-1", "M-1", 700, "2026-11-26T09:15:10+08:00"), "2026-11-26T01:15:11Z");
        var entry = recorded(credit("E1", 700, NOV_27, detail(700L, "T-1", null)));

        for (var delivery : List.of(Map.entry(Inbound.SALES, (Object) sale), Map.entry(Inbound.PAYMENTS, payment),
                Map.entry(Inbound.SETTLEMENTS, entry))) {
            Exchange first = deliver(delivery.getKey(), delivery.getValue());
            Exchange again = deliver(delivery.getKey(), Json.write(delivery.getValue()), 2);
            assertThat(first.getException()).isNull();
            assertThat(first.getMessage().getHeader(ReconciliationRoutes.STORED_HEADER)).isEqualTo(true);
            assertThat(again.getMessage().getHeader(ReconciliationRoutes.STORED_HEADER)).isEqualTo(false);
        }

        assertThat(store.saleCount(SALE_ID)).isEqualTo(1);
        assertThat(store.payment("alipay:T-1")).isPresent();
        assertThat(store.settlementCount("CN1234567890:E1")).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void poisonMessagesAreDeadLetteredAtOnceWithTheReasonAndTheirQueue() {
        for (Inbound inbound : Inbound.values()) {
            deliver(inbound, "this is not JSON".getBytes(StandardCharsets.UTF_8), 1);
        }

        assertThat(deadLetters()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Inbound inbound = Inbound.values()[i];
            Map<String, Object> headers = deadLetters().get(i).getMessage().getHeaders();
            assertThat(headers.get("dlqReason")).asString().startsWith("$: not a ");
            assertThat(headers).containsEntry("dlqOriginalAddress", inbound.address())
                    .containsEntry("dlqOriginalQueue", inbound.queue())
                    .containsEntry("dlqFailedBy", inbound.routeId())
                    .containsEntry("dlqFailedAt", NOW.toString());
            assertThat(UUID.fromString((String) headers.get("dlqId"))).isNotNull();
        }
    }

    @Test
    void anImpossiblePaymentIsDeadLetteredNamingTheField() {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(
                recorded(paid("T-1", "M-1", 700, "2026-11-26T09:15:10+08:00"), "2026-11-26T01:15:11Z"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("payment")).put("refunded", 900);

        deliver(Inbound.PAYMENTS, Json.write(tree), 1);

        assertThat(deadLetters()).singleElement().satisfies(dead -> assertThat(
                dead.getMessage().getHeader("dlqReason", String.class)).startsWith("payment: ")
                .contains("refunded 900"));
        assertThat(store.payment("alipay:T-1")).isEmpty();
    }

    @Test
    void aSaleWithInvalidTendersIsDeadLetteredLikeTheLedgerDoes() {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(
                recorded(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("sale")).putArray("tenders");

        deliver(Inbound.SALES, Json.write(tree), 1);

        assertThat(deadLetters()).singleElement().satisfies(dead -> assertThat(
                dead.getMessage().getHeader("dlqReason", String.class)).contains("sale.tenders"));
        assertThat(store.saleCount(SALE_ID)).isZero();
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLetteredOnTheLastAttempt() throws Exception {
        // a table gone: every sale's write fails, as with a database that is down
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE reconciliation_tender");
        }
        var sale = recorded(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));

        Exchange early = deliver(Inbound.SALES, Json.write(sale), 4);
        Exchange last = deliver(Inbound.SALES, Json.write(sale), 5);

        assertThat(early.getException()).isNotNull();
        assertThat(last.getException()).isNull();
        assertThat(deadLetters()).singleElement().satisfies(dead ->
                assertThat(dead.getMessage().getHeader("dlqOriginalQueue")).isEqualTo("reconciliation.sales"));
    }

    @Test
    void aDiscrepancyIsPublishedOnceUnderItsStableIdAndResolvedByALatePayment() throws Exception {
        deliver(Inbound.SALES, recorded(sale("r1", "2026-11-26T09:15:00+08:00",
                tender(TenderType.ALIPAY, 700, "M-1"))));

        var report = reconciler.reconcile(STORE, NOV_26);
        reconciler.reconcile(STORE, NOV_26);
        clock.set(NOW.plusSeconds(600));
        reconciler.reconcile(STORE, NOV_26);

        assertThat(report.results()).extracting(ReconciliationResult::state)
                .containsExactly(ResultState.SALE_WITHOUT_PAYMENT);
        assertThat(publishedIds()).containsExactly(MISSING_PAYMENT_ID);
        Exchange sent = published().getReceivedExchanges().get(0);
        Discrepancy event = Json.read(sent.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                Discrepancy.class);
        assertThat(event).isEqualTo(new Discrepancy(MISSING_PAYMENT_ID, STORE, NOV_26, "sale-without-payment",
                SALE_ID, null, null, 700L, null, "CNY", report.results().get(0).detail(), NOW));

        // the payment comes late, and a second one nobody rang up
        deliver(Inbound.PAYMENTS, recorded(paid("T-1", "M-1", 700, "2026-11-26T09:15:10+08:00"),
                "2026-11-27T02:05:00Z"));
        deliver(Inbound.PAYMENTS, recorded(paid("T-2", "M-2", 1500, "2026-11-26T12:00:00+08:00"),
                "2026-11-27T02:05:00Z"));
        Instant resolvedAt = NOW.plusSeconds(1200);
        clock.set(resolvedAt);
        var after = reconciler.reconcile(STORE, NOV_26);
        reconciler.reconcile(STORE, NOV_26);

        assertThat(after.results()).extracting(ReconciliationResult::state)
                .containsExactly(ResultState.MATCHED, ResultState.PAYMENT_WITHOUT_SALE);
        String extraId = "sh-001:2026-11-26:payment-without-sale:payment:alipay:T-2";
        assertThat(publishedIds()).containsExactly(MISSING_PAYMENT_ID, extraId);
        assertThat(store.discrepancies(STORE, NOV_26)).satisfiesExactlyInAnyOrder(
                d -> {
                    assertThat(d.discrepancyId()).isEqualTo(MISSING_PAYMENT_ID);
                    assertThat(d.resolvedAt()).isEqualTo(resolvedAt);
                },
                d -> {
                    assertThat(d.discrepancyId()).isEqualTo(extraId);
                    assertThat(d.resolvedAt()).isNull();
                });
        assertThat(reconciler.report(STORE, NOV_26)).hasValue(after);
    }

    @Test
    void aDiscrepancyThatCouldNotBePublishedIsSentByTheNextRun() throws Exception {
        published().whenExchangeReceived(1, exchange -> {
            throw new IllegalStateException("broker unavailable");
        });
        deliver(Inbound.SALES, recorded(sale("r1", "2026-11-26T09:15:00+08:00",
                tender(TenderType.ALIPAY, 700, "M-1"))));

        reconciler.reconcile(STORE, NOV_26);
        assertThat(store.unpublished(STORE, NOV_26)).hasSize(1);
        reconciler.reconcile(STORE, NOV_26);

        assertThat(publishedIds()).containsExactly(MISSING_PAYMENT_ID, MISSING_PAYMENT_ID);
        assertThat(store.unpublished(STORE, NOV_26)).isEmpty();
        reconciler.reconcile(STORE, NOV_26);
        assertThat(publishedIds()).hasSize(2);
    }

    @Test
    void theScheduleRunsClosedDaysWithActivityOnly() {
        deliver(Inbound.SALES, recorded(sale("r1", "2026-11-26T09:15:00+08:00",
                tender(TenderType.ALIPAY, 700, "M-1"))));
        deliver(Inbound.SALES, recorded(sale("r2", "2026-11-27T09:15:00+08:00", tender(TenderType.CASH, 500, null))));
        deliver(Inbound.SALES, recorded(sale("r3", "2026-11-28T00:30:00+08:00", tender(TenderType.CASH, 500, null))));
        deliver(Inbound.SALES, new org.storelink.model.SaleRecorded("e-x", NOW, "pos-webhook",
                new org.storelink.model.Sale("pop-up-7", "till-1", "r1",
                        java.time.OffsetDateTime.parse("2026-11-26T09:15:00+08:00"), "CNY",
                        TestData.sale("x", "2026-11-26T09:15:00+08:00", tender(TenderType.CASH, 500, null)).lines(),
                        0, 0, List.of(), List.of(tender(TenderType.CASH, 500, null)), 0, null, null, null)));
        // 01:30 on the 28th in Shanghai: the 27th closed at midnight, plus the hour's grace
        clock.set(Instant.parse("2026-11-27T17:30:00Z"));

        Exchange tick = producer.send("direct:tick", exchange -> { });

        assertThat(tick.getMessage().getBody(Integer.class)).isEqualTo(2);
        assertThat(reconciler.report(STORE, NOV_26)).isPresent();
        assertThat(reconciler.report(STORE, NOV_27)).hasValueSatisfying(r -> assertThat(r.results()).isEmpty());
        assertThat(reconciler.report(STORE, java.time.LocalDate.of(2026, 11, 28))).isEmpty();
        assertThat(publishedIds()).containsExactly(MISSING_PAYMENT_ID);
    }
}
