package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.insights.internal.TestEvents.BANANAS;
import static org.storelink.insights.internal.TestEvents.COFFEE;
import static org.storelink.insights.internal.TestEvents.GREEN_TEA;
import static org.storelink.insights.internal.TestEvents.STORE;
import static org.storelink.insights.internal.TestEvents.paid;
import static org.storelink.insights.internal.TestEvents.payment;
import static org.storelink.insights.internal.TestEvents.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.insights.StoreInsights;
import org.storelink.insights.StoreInsights.AgeBandProduct;
import org.storelink.insights.StoreInsights.AgeBandProducts;
import org.storelink.insights.StoreInsights.HourOfDay;
import org.storelink.insights.StoreInsights.ProductFigures;
import org.storelink.insights.StoreInsights.ProductTrend;
import org.storelink.insights.StoreInsights.TrendLabel;
import org.storelink.insights.StoreInsights.Weekday;
import org.storelink.model.AgeBand;
import org.storelink.model.Gtin;
import org.storelink.model.Money;

/**
 * Each insight computed from known sales, through the rollups, on embedded H2; {@link InsightsQueriesPostgresTest}
 * runs the same on PostgreSQL. Today is Friday 2026-11-27 in Shanghai.
 */
class InsightsQueriesTest {
    /** 10:00 on Friday 27 November in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Gtin NEW_SNACK = gtin("690123456001");
    private static final Gtin OLD_SOAP = gtin("690123456002");
    private static final Gtin RETIRED = gtin("690123456003");

    DataSource dataSource;
    private JdbcRollups rollups;
    private JdbcInsightsQueries queries;
    private int receipt;

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
        rollups = new JdbcRollups(dataSource, id -> Optional.of(TestEvents.SHANGHAI), CLOCK);
        queries = new JdbcInsightsQueries(dataSource);
    }

    @AfterEach
    void shutdown() throws Exception {
        if (dataSource != null) {
            dropDatabase(dataSource);
        }
    }

    static Gtin gtin(String twelveDigits) {
        return Gtin.parse(twelveDigits + Gtin.checkDigit(twelveDigits));
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }

    private StoreInsights insights(int days, int k) {
        return new RollupInsights(queries, TestStores.shanghai(STORE), k, CLOCK).forStore(STORE, days).orElseThrow();
    }

    /** One sale of {@code units} of a product on a day at 12:00 Shanghai time. */
    private void sell(Gtin gtin, String units, long unitPrice, LocalDate day) throws Exception {
        rollups.recordSale(sale("r" + (++receipt)).at(day + "T12:00:00+08:00").line(gtin, "P" + gtin.value(),
                units, unitPrice).recorded());
    }

    /** A sale of one tea (and any extra products) by a customer of a band, on a day, at 12:00 Shanghai time. */
    private void buy(String customer, AgeBand band, LocalDate day, Gtin... extra) throws Exception {
        var sale = sale("r" + (++receipt)).at(day + "T12:00:00+08:00").line(GREEN_TEA, "Green tea 500ml", "1", 350)
                .customer(customer, band);
        for (Gtin gtin : extra) {
            sale.line(gtin, "P" + gtin.value(), "1", 100);
        }
        rollups.recordSale(sale.recorded());
    }

    private void knownWeek() throws Exception {
        rollups.recordSale(sale("1").at("2026-11-26T09:15:00+08:00").line(GREEN_TEA, "Green tea 500ml", "2", 350)
                .recorded());
        rollups.recordSale(sale("2").at("2026-11-26T09:40:00+08:00").line(COFFEE, "Coffee", "1", 1200).recorded());
        rollups.recordSale(sale("3").at("2026-11-20T18:05:00+08:00").line(GREEN_TEA, "Green tea 500ml", "1", 350)
                .recorded());
        // a return this morning
        rollups.recordSale(sale("4").at("2026-11-27T10:00:00+08:00").line(GREEN_TEA, "Green tea 500ml", "-1", 350)
                .recorded());
        // outside the 28 days
        rollups.recordSale(sale("5").at("2026-10-01T12:00:00+08:00").line(COFFEE, "Coffee", "1", 1200).recorded());
        // in another currency
        rollups.recordSale(sale("6").at("2026-11-26T12:00:00+08:00").currency("USD").line(COFFEE, "Coffee", "1", 500)
                .recorded());
    }

    @Test
    void totalsAndTheWindowAreInTheStoresZoneAndCurrency() throws Exception {
        knownWeek();

        StoreInsights insights = insights(28, 5);

        assertThat(insights.from()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(insights.to()).isEqualTo(TODAY);
        assertThat(insights.currency()).isEqualTo("CNY");
        assertThat(insights.otherCurrencies()).containsExactly("USD");
        assertThat(insights.totals()).isEqualTo(new StoreInsights.Totals(3, 1, cny(1900)));
    }

    @Test
    void salesByHourOfDayAndByWeekday() throws Exception {
        knownWeek();

        StoreInsights insights = insights(28, 5);

        assertThat(insights.byHourOfDay()).hasSize(24);
        assertThat(insights.byHourOfDay()).filteredOn(hour -> hour.sales() > 0 || hour.revenue().minor() != 0)
                .containsExactly(new HourOfDay(9, 2, cny(1900)), new HourOfDay(10, 0, cny(-350)),
                        new HourOfDay(18, 1, cny(350)));
        assertThat(insights.byWeekday()).hasSize(7).contains(
                new Weekday(DayOfWeek.THURSDAY, 2, cny(1900)),
                new Weekday(DayOfWeek.FRIDAY, 1, cny(0)),
                new Weekday(DayOfWeek.MONDAY, 0, cny(0)));
    }

    @Test
    void topProductsByUnitsAndByRevenueNetOfReturns() throws Exception {
        knownWeek();

        StoreInsights insights = insights(28, 5);

        ProductFigures tea = new ProductFigures(GREEN_TEA.value(), "Green tea 500ml", BigDecimal.valueOf(2),
                cny(700));
        ProductFigures coffee = new ProductFigures(COFFEE.value(), "Coffee", BigDecimal.ONE, cny(1200));
        assertThat(insights.topByUnits()).containsExactly(tea, coffee);
        assertThat(insights.topByRevenue()).containsExactly(coffee, tea);
    }

    @Test
    void topProductsStopAtTen() throws Exception {
        for (int i = 0; i < 12; i++) {
            sell(gtin(String.format("6901234562%02d", i)), String.valueOf(i + 1), 100, TODAY);
        }

        assertThat(insights(28, 5).topByUnits()).hasSize(10).first()
                .extracting(ProductFigures::units).isEqualTo(BigDecimal.valueOf(12));
    }

    @Test
    void basketSizeIsMeanItemsAndMeanValuePerSaleWithoutReturns() throws Exception {
        knownWeek();

        // 3 sales: 2 + 1 + 1 items, CNY 7.00 + 12.00 + 3.50
        StoreInsights.Basket basket = insights(28, 5).basket();

        assertThat(basket.sales()).isEqualTo(3);
        assertThat(basket.meanItems()).isEqualByComparingTo("1.33");
        assertThat(basket.meanValue()).isEqualTo(cny(750));
    }

    @Test
    void aShorterWindowLeavesOlderDaysOut() throws Exception {
        knownWeek();

        StoreInsights week = insights(7, 5);

        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(week.totals()).isEqualTo(new StoreInsights.Totals(2, 1, cny(1550)));
        assertThat(week.basket().sales()).isEqualTo(2);
    }

    @Test
    void demandTrendComparesTheLastWeekWithTheWeeklyAverageOfTheFourBefore() throws Exception {
        LocalDate lastWeek = LocalDate.of(2026, 11, 25);
        LocalDate before = LocalDate.of(2026, 11, 1);
        sell(GREEN_TEA, "10", 350, lastWeek);
        sell(GREEN_TEA, "20", 350, before);
        sell(COFFEE, "3", 1200, lastWeek);
        sell(COFFEE, "20", 1200, before);
        sell(BANANAS, "5", 690, lastWeek);
        sell(BANANAS, "20", 690, LocalDate.of(2026, 10, 24));
        sell(NEW_SNACK, "2", 500, TODAY);
        sell(RETIRED, "8", 100, LocalDate.of(2026, 11, 20));
        // before the baseline's first day, 2026-10-24
        sell(OLD_SOAP, "9", 300, LocalDate.of(2026, 10, 23));

        StoreInsights.Trends trends = insights(28, 5).trends();

        assertThat(trends.weekFrom()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(trends.weekTo()).isEqualTo(TODAY);
        assertThat(trends.baselineFrom()).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(trends.baselineTo()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(trends.products()).extracting(ProductTrend::gtin, ProductTrend::lastWeekUnits,
                        ProductTrend::weeklyAverageBefore, ProductTrend::ratio, ProductTrend::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GREEN_TEA.value(), BigDecimal.valueOf(10),
                                BigDecimal.valueOf(5), new BigDecimal("2.00"), TrendLabel.RISING),
                        org.assertj.core.groups.Tuple.tuple(BANANAS.value(), BigDecimal.valueOf(5),
                                BigDecimal.valueOf(5), new BigDecimal("1.00"), TrendLabel.STEADY),
                        org.assertj.core.groups.Tuple.tuple(COFFEE.value(), BigDecimal.valueOf(3),
                                BigDecimal.valueOf(5), new BigDecimal("0.60"), TrendLabel.FALLING),
                        org.assertj.core.groups.Tuple.tuple(NEW_SNACK.value(), BigDecimal.valueOf(2),
                                BigDecimal.ZERO, null, TrendLabel.NEW),
                        org.assertj.core.groups.Tuple.tuple(RETIRED.value(), BigDecimal.ZERO,
                                BigDecimal.valueOf(2), new BigDecimal("0.00"), TrendLabel.FALLING));
    }

    @Test
    void trendLabelsAtTheTwentyPercentEdges() {
        assertThat(JdbcInsightsQueries.trend("g", "n", new BigDecimal("6"), new BigDecimal("20")).label())
                .isEqualTo(TrendLabel.RISING);
        assertThat(JdbcInsightsQueries.trend("g", "n", new BigDecimal("5.9"), new BigDecimal("20")).label())
                .isEqualTo(TrendLabel.STEADY);
        assertThat(JdbcInsightsQueries.trend("g", "n", new BigDecimal("4"), new BigDecimal("20")).label())
                .isEqualTo(TrendLabel.FALLING);
        assertThat(JdbcInsightsQueries.trend("g", "n", new BigDecimal("4.1"), new BigDecimal("20")).label())
                .isEqualTo(TrendLabel.STEADY);
        assertThat(JdbcInsightsQueries.trend("g", "n", BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }

    @Test
    void repeatRateCountsIdentifiedCustomersWhoCameOnTwoOrMoreDays() throws Exception {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        for (int i = 1; i <= 5; i++) {
            buy("c" + i, null, monday);
        }
        buy("c1", null, TODAY);
        buy("c2", null, LocalDate.of(2026, 11, 24));
        // twice on one day is one visit day
        buy("c3", null, monday);
        // anonymous sales are no customers
        sell(GREEN_TEA, "1", 350, monday);

        StoreInsights.RepeatCustomers repeat = insights(28, 5).repeatCustomers();

        assertThat(repeat.suppressed()).isFalse();
        assertThat(repeat.identifiedCustomers()).isEqualTo(5);
        assertThat(repeat.repeatCustomers()).isEqualTo(2);
        assertThat(repeat.rate()).isEqualByComparingTo("0.4");
    }

    @Test
    void repeatRateIsSuppressedBelowKIdentifiedCustomers() throws Exception {
        for (int i = 1; i <= 4; i++) {
            buy("c" + i, null, LocalDate.of(2026, 11, 23));
            buy("c" + i, null, TODAY);
        }

        assertThat(insights(28, 5).repeatCustomers())
                .isEqualTo(StoreInsights.RepeatCustomers.suppressed("fewer than 5 identified customers"));
        // at k = 4, the same 4 customers are enough
        assertThat(insights(28, 4).repeatCustomers().rate()).isEqualByComparingTo("1");
    }

    @Test
    void anAgeBandOfKMinusOneCustomersIsSuppressedAndOfKIsShown() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (int i = 1; i <= 5; i++) {
            buy("young-" + i, AgeBand.AGE_18_24, day);
        }
        for (int i = 1; i <= 4; i++) {
            buy("adult-" + i, AgeBand.AGE_25_34, day, COFFEE);
        }

        List<AgeBandProducts> bands = insights(28, 5).byAgeBand();

        assertThat(bands).extracting(AgeBandProducts::ageBand).containsExactly(AgeBand.values());
        assertThat(bands.get(1)).isEqualTo(new AgeBandProducts(AgeBand.AGE_18_24, false, null, 5,
                List.of(new AgeBandProduct(GREEN_TEA.value(), "Green tea 500ml", BigDecimal.valueOf(5), cny(1750), 5)),
                0));
        assertThat(bands.get(2)).isEqualTo(AgeBandProducts.suppressed(AgeBand.AGE_25_34, "fewer than 5 customers"));
        assertThat(bands).filteredOn(AgeBandProducts::suppressed).hasSize(6);

        // at k = 4, four customers make a group
        AgeBandProducts adults = insights(28, 4).byAgeBand().get(2);
        assertThat(adults.suppressed()).isFalse();
        assertThat(adults.customers()).isEqualTo(4);
        assertThat(adults.topProducts()).extracting(AgeBandProduct::gtin, AgeBandProduct::customers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GREEN_TEA.value(), 4L),
                        org.assertj.core.groups.Tuple.tuple(COFFEE.value(), 4L));
    }

    @Test
    void aProductBoughtByFewerThanKOfTheBandIsWithheld() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (int i = 1; i <= 4; i++) {
            buy("young-" + i, AgeBand.AGE_18_24, day, COFFEE);
        }
        // the fifth buys coffee twice and nothing else: still 4 + 1 = 5 coffee customers, but only 4 tea ones
        rollups.recordSale(sale("coffee-only").at(day + "T15:00:00+08:00").line(COFFEE, "Coffee", "2", 100)
                .customer("young-5", AgeBand.AGE_18_24).recorded());

        AgeBandProducts young = insights(28, 5).byAgeBand().get(1);

        assertThat(young.suppressed()).isFalse();
        assertThat(young.customers()).isEqualTo(5);
        assertThat(young.topProducts()).extracting(AgeBandProduct::gtin).containsExactly(COFFEE.value());
        assertThat(young.topProducts().get(0).units()).isEqualByComparingTo("6");
        assertThat(young.productsWithheld()).isEqualTo(1);
    }

    @Test
    void customersAttributedByPaymentCountTowardsKInThePaymentsBand() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (int i = 1; i <= 5; i++) {
            // the till knows nothing of the customer; the payment provider shares payer and band
            rollups.recordSale(sale("p" + i).at(day + "T12:00:00+08:00").line(GREEN_TEA, "Green tea 500ml", "1", 350)
                    .paidWith("ORDER-" + i).recorded());
            rollups.recordPayment(paid(payment("ORDER-" + i, "T" + i, "payer-" + i, AgeBand.AGE_35_44)));
        }

        StoreInsights insights = insights(28, 5);

        assertThat(insights.byAgeBand().get(3).customers()).isEqualTo(5);
        assertThat(insights.repeatCustomers().identifiedCustomers()).isEqualTo(5);
    }

    @Test
    void aStoreWithoutSalesHasEmptyInsights() {
        StoreInsights insights = insights(28, 5);

        assertThat(insights.currency()).isNull();
        assertThat(insights.totals().sales()).isZero();
        assertThat(insights.topByUnits()).isEmpty();
        assertThat(insights.basket()).isEqualTo(new StoreInsights.Basket(0, null, null));
        assertThat(insights.repeatCustomers().suppressed()).isTrue();
        assertThat(insights.byAgeBand()).allMatch(AgeBandProducts::suppressed);
    }

    @Test
    void unknownStoresAndBadWindowsAndKBelowTwoAreRefused() {
        RollupInsights service = new RollupInsights(queries, TestStores.shanghai(STORE), 5, CLOCK);

        assertThat(service.forStore("nope", 28)).isEmpty();
        assertThatThrownBy(() -> service.forStore(STORE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
        assertThatThrownBy(() -> service.forStore(STORE, 367)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollupInsights(queries, TestStores.shanghai(STORE), 1, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 2");
    }
}
