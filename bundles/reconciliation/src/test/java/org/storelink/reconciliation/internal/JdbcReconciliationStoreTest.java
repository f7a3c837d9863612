package org.storelink.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.reconciliation.internal.TestData.NOV_26;
import static org.storelink.reconciliation.internal.TestData.NOV_27;
import static org.storelink.reconciliation.internal.TestData.SHANGHAI;
import static org.storelink.reconciliation.internal.TestData.STORE;
import static org.storelink.reconciliation.internal.TestData.credit;
import static org.storelink.reconciliation.internal.TestData.detail;
import static org.storelink.reconciliation.internal.TestData.paid;
import static org.storelink.reconciliation.internal.TestData.payment;
import static org.storelink.reconciliation.internal.TestData.recorded;
import static org.storelink.reconciliation.internal.TestData.sale;
import static org.storelink.reconciliation.internal.TestData.tender;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentStatus;
import org.storelink.model.SaleRecorded;
import org.storelink.model.TenderType;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;

/** On embedded H2; {@link JdbcReconciliationStorePostgresTest} runs the same tests on PostgreSQL. */
class JdbcReconciliationStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private DataSource dataSource;
    private JdbcReconciliationStore store;

    DataSource newDatabase() throws Exception {
        return TestData.newDatabase();
    }

    void dropDatabase(DataSource dataSource) throws Exception {
        TestData.shutdown(dataSource);
    }

    @BeforeEach
    void migrate() throws Exception {
        dataSource = newDatabase();
        ReconciliationSchema.migrate(dataSource, getClass().getClassLoader());
        store = new JdbcReconciliationStore(dataSource,
                id -> id.startsWith("sh-") ? Optional.of(SHANGHAI) : Optional.empty(),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void shutdown() throws Exception {
        if (dataSource != null) {
            dropDatabase(dataSource);
        }
    }

    @Test
    void migratingAgainChangesNothingAndUsesItsOwnHistoryTable() throws Exception {
        assertThat(ReconciliationSchema.migrate(dataSource, getClass().getClassLoader()).migrationsExecuted)
                .isZero();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + ReconciliationSchema.HISTORY_TABLE + "\"")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    @Test
    void aSaleIsStoredOnceWithItsNonCashTenders() throws Exception {
        var sale = sale("r1", "2026-11-26T09:15:30+08:00", tender(TenderType.CASH, 1000, null),
                tender(TenderType.ALIPAY, 700, "M-1"));

        assertThat(store.storeSale(recorded(sale))).isTrue();
        assertThat(store.storeSale(recorded(sale))).isFalse();

        assertThat(store.saleCount(sale.saleId())).isEqualTo(1);
        assertThat(store.sales(STORE, NOV_26, NOV_26)).singleElement().satisfies(kept -> {
            assertThat(kept.businessDay()).isEqualTo(NOV_26);
            assertThat(kept.occurredAt().toInstant()).isEqualTo(sale.occurredAt().toInstant());
            assertThat(kept.currency()).isEqualTo("CNY");
            assertThat(kept.tenders()).containsExactly(
                    new SaleTenders.NonCashTender(2, TenderType.ALIPAY, 700, "M-1"));
        });
    }

    @Test
    void theBusinessDayIsTheEventsElseTheDateInTheStoresZone() throws Exception {
        // 00:30 in Shanghai is the 26th in UTC; the POS says the sale still belongs to the 26th's business day
        var afterMidnight = sale("r1", "2026-11-26T16:30:00Z", tender(TenderType.ALIPAY, 700, "M-1"));
        var stated = sale("r2", "2026-11-26T16:40:00Z", tender(TenderType.ALIPAY, 800, "M-2"));
        store.storeSale(recorded(afterMidnight));
        var event = recorded(stated);
        store.storeSale(new SaleRecorded(event.eventId(), event.recordedAt(), event.source(), stated, NOV_26));

        assertThat(store.sales(STORE, NOV_27, NOV_27)).extracting(SaleTenders::saleId)
                .containsExactly("sh-001/till-1/r1");
        assertThat(store.sales(STORE, NOV_26, NOV_26)).extracting(SaleTenders::saleId)
                .containsExactly("sh-001/till-1/r2");
        assertThat(store.activeDays(NOV_26)).extracting(JdbcReconciliationStore.StoreDay::day)
                .containsExactly(NOV_26, NOV_27);
    }

    @Test
    void aCashOnlySaleKeepsNoTenders() throws Exception {
        store.storeSale(recorded(sale("r1", "2026-11-26T09:15:30+08:00", tender(TenderType.CASH, 500, null))));

        assertThat(store.sales(STORE, NOV_26, NOV_26)).singleElement()
                .satisfies(kept -> assertThat(kept.tenders()).isEmpty());
    }

    @Test
    void theLatestNotificationOfAPaymentWinsWhateverOrderTheyArriveIn() throws Exception {
        Payment paidState = paid("T-1", "M-1", 700, "2026-11-26T09:15:10+08:00");
        Payment refundedState = payment(PaymentProvider.ALIPAY, "T-1", "M-1", PaymentStatus.REFUNDED, 700, 200,
                "2026-11-26T09:15:10+08:00");
        var paidEvent = recorded(paidState, "2026-11-26T01:15:20Z");
        var refundEvent = recorded(refundedState, "2026-11-26T05:00:00Z");

        assertThat(store.storePayment(refundEvent)).isTrue();
        assertThat(store.storePayment(paidEvent)).as("an older notice arriving late").isFalse();
        assertThat(store.storePayment(refundEvent)).as("the same notice again").isFalse();

        assertThat(store.payment("alipay:T-1")).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(p.net()).isEqualTo(500);
        });

        Payment closed = payment(PaymentProvider.ALIPAY, "T-1", "M-1", PaymentStatus.CLOSED, 700, 700,
                "2026-11-26T09:15:10+08:00");
        assertThat(store.storePayment(recorded(closed, "2026-11-27T05:00:00Z"))).isTrue();
        assertThat(store.payment("alipay:T-1")).hasValueSatisfying(p -> assertThat(p.net()).isZero());
        assertThat(store.payments(STORE, NOV_26, NOV_26)).hasSize(1);
    }

    @Test
    void aNoticeStatingALaterTimeReplacesButThePaymentKeepsItsDay() throws Exception {
        Payment paidState = paid("T-1", "M-1", 700, "2026-11-26T23:55:00+08:00");
        Payment refundLater = payment(PaymentProvider.ALIPAY, "T-1", "M-1", PaymentStatus.REFUNDED, 700, 700,
                "2026-11-27T10:00:00+08:00");

        store.storePayment(recorded(paidState, "2026-11-26T15:55:05Z"));
        assertThat(store.storePayment(recorded(refundLater, "2026-11-26T15:55:01Z"))).isTrue();

        assertThat(store.payments(STORE, NOV_26, NOV_26)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(p.occurredAt().toInstant()).isEqualTo(paidState.occurredAt().toInstant());
        });
        assertThat(store.payments(STORE, NOV_27, NOV_27)).isEmpty();
    }

    @Test
    void paymentsAndSalesAreFoundByTheirReferences() throws Exception {
        store.storePayment(recorded(paid("2026112622001", "M-1", 700, "2026-11-20T09:00:00+08:00"),
                "2026-11-20T01:00:01Z"));
        store.storeSale(recorded(sale("r1", "2026-11-26T09:15:30+08:00", tender(TenderType.ALIPAY, 700, "M-1"))));

        assertThat(store.paymentsNamed(STORE, List.of("M-1"))).extracting(Payment::paymentId)
                .containsExactly("alipay:2026112622001");
        assertThat(store.paymentsNamed(STORE, List.of("2026112622001", "M-1"))).hasSize(1);
        assertThat(store.paymentsNamed("sh-002", List.of("M-1"))).isEmpty();
        assertThat(store.salesNaming(STORE, List.of("M-1", "unknown"))).extracting(SaleTenders::saleId)
                .containsExactly("sh-001/till-1/r1");
    }

    @Test
    void aBankEntryIsStoredOnceWithItsDetails() throws Exception {
        var entry = credit("E1", 2600, NOV_27, detail(700L, "E2E-1", "ALIPAY 2026112622001"),
                detail(null, null, "ALIPAY DAILY"));

        assertThat(store.storeSettlement(recorded(entry))).isTrue();
        assertThat(store.storeSettlement(recorded(entry))).isFalse();

        assertThat(store.settlementCount(entry.settlementId())).isEqualTo(1);
        assertThat(store.hasSettlements(STORE)).isTrue();
        assertThat(store.hasSettlements("sh-002")).isFalse();
        assertThat(store.settlements(STORE, NOV_26, NOV_27)).singleElement().isEqualTo(entry);
    }

    @Test
    void resultsAreReplacedAndADiscrepancyNoLongerFoundIsResolved() throws Exception {
        var missing = result(ResultState.SALE_WITHOUT_PAYMENT, "tender:s1#1");
        var extra = result(ResultState.PAYMENT_WITHOUT_SALE, "payment:alipay:T-9");
        Instant first = Instant.parse("2026-11-27T01:00:00Z");
        Instant second = Instant.parse("2026-11-27T02:00:00Z");

        store.saveResults(STORE, NOV_26, List.of(missing, extra), first);
        assertThat(store.unpublished(STORE, NOV_26)).hasSize(2);
        store.markPublished(missing.discrepancyId(), first);
        store.markPublished(extra.discrepancyId(), first);

        var matched = new ReconciliationResult(ResultState.MATCHED, "tender:s1#1", "s1", "M-1", "alipay:T-1", null,
                700L, 700L, "CNY", "by reference", null);
        store.saveResults(STORE, NOV_26, List.of(matched, extra), second);

        assertThat(store.report(STORE, NOV_26)).hasValueSatisfying(report -> {
            assertThat(report.reconciledAt()).isEqualTo(second);
            assertThat(report.results()).containsExactly(matched, extra);
        });
        assertThat(store.unpublished(STORE, NOV_26)).isEmpty();
        assertThat(store.discrepancies(STORE, NOV_26)).satisfiesExactlyInAnyOrder(
                d -> {
                    assertThat(d.discrepancyId()).isEqualTo(missing.discrepancyId());
                    assertThat(d.resolvedAt()).isEqualTo(second);
                },
                d -> {
                    assertThat(d.discrepancyId()).isEqualTo(extra.discrepancyId());
                    assertThat(d.resolvedAt()).isNull();
                    assertThat(d.publishedAt()).isEqualTo(first);
                });
        assertThat(store.report(STORE, LocalDate.of(2026, 11, 25))).isEmpty();
    }

    private static ReconciliationResult result(ResultState state, String subject) {
        return new ReconciliationResult(state, subject, null, null, null, null, 700L, null, "CNY", "test",
                DayMatcher.discrepancyId(STORE, NOV_26, state, subject));
    }
}
