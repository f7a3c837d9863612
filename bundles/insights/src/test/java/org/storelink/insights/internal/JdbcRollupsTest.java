package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.insights.internal.TestEvents.BANANAS;
import static org.storelink.insights.internal.TestEvents.COFFEE;
import static org.storelink.insights.internal.TestEvents.GREEN_TEA;
import static org.storelink.insights.internal.TestEvents.STORE;
import static org.storelink.insights.internal.TestEvents.paid;
import static org.storelink.insights.internal.TestEvents.payment;
import static org.storelink.insights.internal.TestEvents.rows;
import static org.storelink.insights.internal.TestEvents.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AgeBand;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.SaleRecorded;

/** Rollup maintenance on embedded H2; {@link JdbcRollupsPostgresTest} runs the same tests on PostgreSQL. */
class JdbcRollupsTest {
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    /** Unknown to the zone function: its sales fall on the date and hour of their own offset. */
    private static final String UNKNOWN_STORE = "pop-up-7";

    DataSource dataSource;
    JdbcRollups rollups;

    DataSource newDatabase() throws Exception {
        return TestEvents.newDatabase();
    }

    void dropDatabase(DataSource dataSource) throws Exception {
        TestEvents.shutdown(dataSource);
    }

    @BeforeEach
    void migrate() throws Exception {
        dataSource = newDatabase();
        InsightsSchema.migrate(dataSource, getClass().getClassLoader());
        rollups = new JdbcRollups(dataSource,
                id -> id.startsWith("sh-") ? Optional.of(TestEvents.SHANGHAI) : Optional.empty(),
                Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void shutdown() throws Exception {
        if (dataSource != null) {
            dropDatabase(dataSource);
        }
    }

    private List<List<Object>> hourly() throws Exception {
        return rows(dataSource, "SELECT store_id, business_day, hour_of_day, currency, sale_count, return_count,"
                + " revenue_minor FROM insights_hourly ORDER BY store_id, business_day, hour_of_day");
    }

    private List<List<Object>> products() throws Exception {
        return rows(dataSource, "SELECT business_day, gtin, name, units, revenue_minor FROM insights_daily_product"
                + " ORDER BY business_day, gtin");
    }

    private List<List<Object>> visits() throws Exception {
        return rows(dataSource, "SELECT customer_ref, business_day, sale_count FROM insights_customer_day"
                + " ORDER BY customer_ref, business_day");
    }

    private List<List<Object>> bandProducts() throws Exception {
        return rows(dataSource, "SELECT age_band, gtin, customer_ref, business_day, units, revenue_minor, sale_count"
                + " FROM insights_band_product ORDER BY age_band, gtin, customer_ref");
    }

    @Test
    void saleIsRolledUpOnItsLocalBusinessDayAndHour() throws Exception {
        // 23:30 UTC on the 26th is 07:30 on the 27th in Shanghai
        assertThat(rollups.recordSale(sale("1").at("2026-11-26T23:30:00Z")
                .line(GREEN_TEA, "Green tea 500ml", "2", 350).line(BANANAS, "Bananas", "0.532", 690).recorded()))
                .isTrue();

        assertThat(hourly()).containsExactly(List.of(STORE, NOV_27, 7L, "CNY", 1L, 0L, 1067L));
        assertThat(products()).containsExactly(
                List.of(NOV_27, BANANAS.value(), "Bananas", new BigDecimal("0.532"), 367L),
                List.of(NOV_27, GREEN_TEA.value(), "Green tea 500ml", BigDecimal.valueOf(2), 700L));
        // 2 units of tea and one weighed line of bananas
        assertThat(rows(dataSource, "SELECT business_day, sale_count, item_count, value_minor FROM insights_daily_basket"))
                .containsExactly(List.of(NOV_27, 1L, 3L, 1067L));
    }

    @Test
    void aStatedBusinessDayWinsAndTheHourStaysLocal() throws Exception {
        // rung up at 00:40 on the 27th in Shanghai, on the books of the 26th
        rollups.recordSale(sale("1").at("2026-11-26T16:40:00Z").businessDay(NOV_26)
                .line(GREEN_TEA, "Green tea 500ml", "1", 350).recorded());

        assertThat(hourly()).containsExactly(List.of(STORE, NOV_26, 0L, "CNY", 1L, 0L, 350L));
    }

    @Test
    void anUnknownStoresSaleFallsOnItsOwnOffset() throws Exception {
        rollups.recordSale(sale("1").store(UNKNOWN_STORE).at("2026-11-26T23:30:00-05:00")
                .line(GREEN_TEA, "Green tea 500ml", "1", 350).recorded());

        assertThat(hourly()).containsExactly(List.of(UNKNOWN_STORE, NOV_26, 23L, "CNY", 1L, 0L, 350L));
    }

    @Test
    void aRedeliveredSaleIsCountedOnce() throws Exception {
        SaleRecorded event = sale("1").line(GREEN_TEA, "Green tea 500ml", "2", 350).customer("loyal-1",
                AgeBand.AGE_25_34).recorded();
        // the same sale again, as a resend with a new event id
        SaleRecorded resent = new SaleRecorded("another-event", event.recordedAt(), event.source(), event.sale());

        assertThat(rollups.recordSale(event)).isTrue();
        assertThat(rollups.recordSale(event)).isFalse();
        assertThat(rollups.recordSale(resent)).isFalse();

        assertThat(hourly()).containsExactly(List.of(STORE, NOV_26, 9L, "CNY", 1L, 0L, 700L));
        assertThat(products()).containsExactly(
                List.of(NOV_26, GREEN_TEA.value(), "Green tea 500ml", BigDecimal.valueOf(2), 700L));
        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 1L));
        assertThat(bandProducts()).containsExactly(
                List.of("25-34", GREEN_TEA.value(), "loyal-1", NOV_26, BigDecimal.valueOf(2), 700L, 1L));
    }

    @Test
    void returnsAndVoidsReduceUnitsAndRevenueAndAReturnIsNoSaleOrBasket() throws Exception {
        rollups.recordSale(sale("1").line(GREEN_TEA, "Green tea 500ml", "3", 350)
                .line(COFFEE, "Coffee", "1", 1200).voidLast().recorded());
        rollups.recordSale(sale("2").at("2026-11-26T10:05:00+08:00")
                .line(GREEN_TEA, "Green tea 500ml", "-1", 350).recorded());

        assertThat(hourly()).containsExactly(
                List.of(STORE, NOV_26, 9L, "CNY", 1L, 0L, 1050L),
                List.of(STORE, NOV_26, 10L, "CNY", 0L, 1L, -350L));
        // the voided coffee leaves no product row at all
        assertThat(products()).containsExactly(
                List.of(NOV_26, GREEN_TEA.value(), "Green tea 500ml", BigDecimal.valueOf(2), 700L));
        assertThat(rows(dataSource, "SELECT sale_count, item_count, value_minor FROM insights_daily_basket"))
                .containsExactly(List.of(1L, 3L, 1050L));
    }

    @Test
    void aReturnByACustomerReducesTheirBandButIsNoVisit() throws Exception {
        rollups.recordSale(sale("1").line(GREEN_TEA, "Green tea 500ml", "3", 350)
                .customer("loyal-1", AgeBand.AGE_18_24).recorded());
        rollups.recordSale(sale("2").at("2026-11-27T10:00:00+08:00").line(GREEN_TEA, "Green tea 500ml", "-1", 350)
                .customer("loyal-1", AgeBand.AGE_18_24).recorded());

        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 1L));
        assertThat(rows(dataSource, "SELECT SUM(units), CAST(SUM(revenue_minor) AS BIGINT) FROM insights_band_product"))
                .containsExactly(List.of(BigDecimal.valueOf(2), 700L));
    }

    /** What both arrival orders must end in: the payer, not the till's loyalty reference, in the payment's band. */
    private void assertAttributedToThePayer() throws Exception {
        assertThat(visits()).containsExactly(List.of("payer-a", NOV_26, 1L));
        assertThat(bandProducts()).containsExactly(
                List.of("18-24", GREEN_TEA.value(), "payer-a", NOV_26, BigDecimal.valueOf(2), 700L, 1L));
        assertThat(rows(dataSource, "SELECT customer_ref, age_band FROM insights_sale"))
                .containsExactly(List.of("payer-a", "18-24"));
        // attribution touches no customer-free rollup
        assertThat(hourly()).containsExactly(List.of(STORE, NOV_26, 9L, "CNY", 1L, 0L, 700L));
    }

    private SaleRecorded teaPaidWith(String reference) {
        return sale("1").line(GREEN_TEA, "Green tea 500ml", "2", 350).paidWith(reference)
                .customer("loyal-1", AgeBand.AGE_25_34).recorded();
    }

    @Test
    void saleThenPaymentAttributesTheSaleToThePayerOnce() throws Exception {
        rollups.recordSale(teaPaidWith("ORDER-1"));
        // before the payment: the till's customer
        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 1L));

        assertThat(rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24))))
                .isTrue();

        assertAttributedToThePayer();
    }

    @Test
    void paymentThenSaleAttributesTheSaleToThePayerOnce() throws Exception {
        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24)));
        rollups.recordSale(teaPaidWith("ORDER-1"));

        assertAttributedToThePayer();
    }

    @Test
    void theProviderTradeNumberLinksTooAndLaterEventsOfThePaymentChangeNothing() throws Exception {
        PaymentRecorded first = paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24));
        rollups.recordSale(teaPaidWith("2026112622001"));
        rollups.recordPayment(first);

        assertThat(rollups.recordPayment(first)).isFalse();
        // the refund notification of the same trade
        assertThat(rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24))))
                .isTrue();

        assertAttributedToThePayer();
    }

    @Test
    void withoutAPayerOrBandThePaymentLeavesTheTillsCustomer() throws Exception {
        rollups.recordSale(teaPaidWith("ORDER-1"));
        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", null, null)));

        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 1L));
        assertThat(bandProducts()).extracting(row -> row.get(0)).containsExactly("25-34");
    }

    @Test
    void aPayerWithoutABandOnASaleWithoutABandCountsTheSaleForThePayerInNoBand() throws Exception {
        // Alipay and WeChat share no age band, and most tills ask none: the common case.
        rollups.recordSale(sale("1").line(GREEN_TEA, "Green tea 500ml", "2", 350).paidWith("ORDER-1").recorded());
        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", null)));

        assertThat(visits()).containsExactly(List.of("payer-a", NOV_26, 1L));
        assertThat(bandProducts()).isEmpty();
        assertThat(rows(dataSource, "SELECT customer_ref, age_band FROM insights_sale"))
                .containsExactly(java.util.Arrays.asList("payer-a", null));
    }

    @Test
    void aPaymentWithABandButNoPayerKeepsTheTillsCustomerInThePaymentsBand() throws Exception {
        rollups.recordSale(teaPaidWith("ORDER-1"));
        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", null, AgeBand.AGE_45_54)));

        assertThat(bandProducts()).containsExactly(
                List.of("45-54", GREEN_TEA.value(), "loyal-1", NOV_26, BigDecimal.valueOf(2), 700L, 1L));
    }

    @Test
    void reattributingOneSaleLeavesTheOtherSalesOfThatCustomerAndDay() throws Exception {
        rollups.recordSale(teaPaidWith("ORDER-1"));
        rollups.recordSale(sale("2").at("2026-11-26T18:00:00+08:00").line(GREEN_TEA, "Green tea 500ml", "1", 350)
                .customer("loyal-1", AgeBand.AGE_25_34).recorded());
        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 2L));

        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24)));

        assertThat(visits()).containsExactly(List.of("loyal-1", NOV_26, 1L), List.of("payer-a", NOV_26, 1L));
        assertThat(bandProducts()).containsExactly(
                List.of("18-24", GREEN_TEA.value(), "payer-a", NOV_26, BigDecimal.valueOf(2), 700L, 1L),
                List.of("25-34", GREEN_TEA.value(), "loyal-1", NOV_26, BigDecimal.valueOf(1), 350L, 1L));
    }

    @Test
    void aPaymentOfAnotherStoreDoesNotLink() throws Exception {
        rollups.recordSale(sale("1").store("sh-002").line(GREEN_TEA, "Green tea 500ml", "2", 350)
                .paidWith("ORDER-1").recorded());
        rollups.recordPayment(paid(payment("ORDER-1", "2026112622001", "payer-a", AgeBand.AGE_18_24)));

        assertThat(visits()).isEmpty();
        assertThat(bandProducts()).isEmpty();
    }

    @Test
    void aBandWithoutAnyCustomerCountsForNoGroup() throws Exception {
        rollups.recordSale(sale("1").line(GREEN_TEA, "Green tea 500ml", "2", 350).customer(null, AgeBand.AGE_65_PLUS)
                .recorded());

        assertThat(visits()).isEmpty();
        assertThat(bandProducts()).isEmpty();
    }

    @Test
    void concurrentSalesAndPaymentsAttributeEverySaleExactlyOnce() throws Exception {
        int pairs = 30;
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String reference = "ORDER-" + i;
            SaleRecorded saleEvent = sale("r" + i).line(GREEN_TEA, "Green tea 500ml", "1", 350).paidWith(reference)
                    .customer("loyal-" + i, AgeBand.AGE_25_34).recorded();
            PaymentRecorded paymentEvent = paid(payment(reference, "T" + i, "payer-" + i, AgeBand.AGE_18_24));
            work.add(() -> rollups.recordSale(saleEvent));
            work.add(() -> rollups.recordPayment(paymentEvent));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> result : pool.invokeAll(work)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(rows(dataSource, "SELECT COUNT(*), SUM(sale_count) FROM insights_customer_day"
                + " WHERE customer_ref LIKE 'payer-%'")).containsExactly(List.of((long) pairs, (long) pairs));
        assertThat(rows(dataSource, "SELECT COUNT(*) FROM insights_customer_day WHERE customer_ref LIKE 'loyal-%'"))
                .containsExactly(List.of(0L));
        assertThat(rows(dataSource, "SELECT age_band, COUNT(*), SUM(units) FROM insights_band_product"
                + " GROUP BY age_band")).containsExactly(List.of("18-24", (long) pairs, BigDecimal.valueOf(pairs)));
    }
}
