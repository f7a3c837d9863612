package org.storelink.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.ledger.internal.TestSales.BANANAS;
import static org.storelink.ledger.internal.TestSales.COFFEE;
import static org.storelink.ledger.internal.TestSales.GREEN_TEA;
import static org.storelink.ledger.internal.TestSales.line;
import static org.storelink.ledger.internal.TestSales.recorded;
import static org.storelink.ledger.internal.TestSales.sale;
import static org.storelink.ledger.internal.TestSales.voiding;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.ledger.LatestPrice;
import org.storelink.ledger.SalesSummary;
import org.storelink.ledger.SalesSummary.TopProduct;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleRecorded;
import org.storelink.model.SaleLine;

/** On embedded H2; {@link JdbcLedgerPostgresTest} runs the same tests on PostgreSQL. */
class JdbcLedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String SHANGHAI_STORE = "sh-001";
    private static final String OTHER_SHANGHAI_STORE = "sh-002";
    /** Not known to the store function, so its sales fall on the date of their own offset. */
    private static final String UNKNOWN_STORE = "pop-up-7";
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);

    private DataSource dataSource;
    private JdbcLedger ledger;

    /** A fresh, empty database for one test. */
    DataSource newDatabase() throws Exception {
        return TestSales.newDatabase();
    }

    void dropDatabase(DataSource dataSource) throws Exception {
        TestSales.shutdown(dataSource);
    }

    @BeforeEach
    void migrate() throws Exception {
        dataSource = newDatabase();
        LedgerSchema.migrate(dataSource, getClass().getClassLoader());
        ledger = new JdbcLedger(dataSource,
                id -> id.startsWith("sh-") ? Optional.of(ZoneId.of("Asia/Shanghai")) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void shutdown() throws Exception {
        dropDatabase(dataSource);
    }

    private static Sale greenTea(String storeId, String receiptNo, String occurredAt) {
        return sale(storeId, receiptNo, occurredAt, "CNY", line(1, GREEN_TEA, "Green tea 500ml", "2", 350, 0));
    }

    private SalesSummary day(String store, LocalDate day) {
        return ledger.summary(Optional.of(store), Optional.of(day), 10);
    }

    @Test
    void aSaleIsStoredOnceAndAResendChangesNothing() throws Exception {
        Sale sale = greenTea(SHANGHAI_STORE, "000123", "2026-11-26T09:15:30+08:00");

        assertThat(ledger.store(recorded(sale))).isTrue();
        // the resend arrives as a new event (new event id) for the same sale
        assertThat(ledger.store(recorded(sale))).isFalse();

        assertThat(ledger.count("sh-001/till-1/000123")).isEqualTo(1);
        assertThat(ledger.contains("sh-001/till-1/000123")).isTrue();
        SalesSummary summary = day(SHANGHAI_STORE, NOV_26);
        assertThat(summary.sales()).isEqualTo(1);
        assertThat(summary.revenue()).containsExactly(new Money(700, "CNY"));
        assertThat(summary.topProducts()).singleElement().satisfies(top -> {
            assertThat(top.units()).isEqualByComparingTo("2");
            assertThat(top.revenue()).isEqualTo(new Money(700, "CNY"));
        });
    }

    @Test
    void anUnknownSaleIdIsNotContained() throws Exception {
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "000123", "2026-11-26T09:15:30+08:00")));

        assertThat(ledger.contains("sh-001/till-1/000124")).isFalse();
        assertThat(ledger.count("sh-001/till-1/000124")).isZero();
    }

    @Test
    void storedRowCarriesTheBusinessDayAndTheClocksTime() throws Exception {
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "000123", "2026-11-26T23:30:00+08:00")));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT business_day, stored_at, recorded_at, source FROM ledger_sale WHERE sale_id = ?")) {
            query.setString(1, "sh-001/till-1/000123");
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1, LocalDate.class)).isEqualTo(NOV_26);
                assertThat(row.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(NOW);
                assertThat(row.getObject(3, OffsetDateTime.class).toInstant()).isEqualTo(TestSales.RECORDED_AT);
                assertThat(row.getString(4)).isEqualTo("pos-webhook");
            }
        }
    }

    @Test
    void aBusinessDayStatedByTheSourceWinsOverTheCalendarDay() throws Exception {
        // rung up at 00:30 on the 27th but booked by the till on the 26th's business day (POSLog BusinessDayDate)
        Sale late = greenTea(SHANGHAI_STORE, "000200", "2026-11-27T00:30:00+08:00");
        ledger.store(new SaleRecorded("e-late", TestSales.RECORDED_AT, "pos-poslog", late, NOV_26));

        assertThat(day(SHANGHAI_STORE, NOV_26).sales()).isEqualTo(1);
        assertThat(day(SHANGHAI_STORE, NOV_27).sales()).isZero();
    }

    @Test
    void lateEveningSaleFallsOnTheStoresLocalDayNotTheUtcDay() throws Exception {
        // 23:30 in Shanghai is 15:30Z: still the 26th locally
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "000123", "2026-11-26T23:30:00+08:00")));

        assertThat(day(SHANGHAI_STORE, NOV_26).sales()).isEqualTo(1);
        assertThat(day(SHANGHAI_STORE, NOV_27).sales()).isZero();
    }

    @Test
    void storesZoneDecidesTheDayEvenWhenTheTillSentAnotherOffset() throws Exception {
        // 17:00Z on the 26th is 01:00 on the 27th in Shanghai
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "000123", "2026-11-26T17:00:00Z")));

        assertThat(day(SHANGHAI_STORE, NOV_27).sales()).isEqualTo(1);
        assertThat(day(SHANGHAI_STORE, NOV_26).sales()).isZero();
    }

    @Test
    void storeWithoutZoneFallsBackToTheDateOfTheSalesOwnOffset() throws Exception {
        // 20:00 at -05:00 on the 26th is 01:00Z on the 27th; without a zone the offset's date counts
        ledger.store(recorded(greenTea(UNKNOWN_STORE, "000123", "2026-11-26T20:00:00-05:00")));

        assertThat(day(UNKNOWN_STORE, NOV_26).sales()).isEqualTo(1);
        assertThat(day(UNKNOWN_STORE, NOV_27).sales()).isZero();
    }

    @Test
    void summaryCountsSalesAddsRevenuePerCurrencyAndRanksProductsByRevenue() throws Exception {
        SaleLine teaWithDiscount = line(3, GREEN_TEA, "Green tea 500ml", "1", 350, 50);
        // 700 + round(0.532 * 1299 = 691.068) + 300 - 300 = 1391
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "2", 350, 0),
                line(2, BANANAS, "Bananas per kg", "0.532", 1299, 0),
                teaWithDiscount,
                voiding(4, teaWithDiscount, "-1"))));
        // 1050 + round(0.25 * 1299 = 324.75) = 1375
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-2", "2026-11-26T23:30:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "3", 350, 0),
                line(2, BANANAS, "Bananas per kg", "0.25", 1299, 0))));
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-3", "2026-11-26T12:00:00+08:00", "USD",
                line(1, COFFEE, "Coffee beans 250g", "1", 999, 0))));
        // not counted: the 27th in Shanghai, and another store on the same day
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-4", "2026-11-26T17:00:00Z", "CNY",
                line(1, COFFEE, "Coffee beans 250g", "1", 5000, 0))));
        ledger.store(recorded(sale(OTHER_SHANGHAI_STORE, "B-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, COFFEE, "Coffee beans 250g", "1", 7000, 0))));

        SalesSummary summary = day(SHANGHAI_STORE, NOV_26);

        assertThat(summary.sales()).isEqualTo(3);
        assertThat(summary.revenue()).containsExactly(new Money(2766, "CNY"), new Money(999, "USD"));
        assertThat(summary.topProducts()).hasSize(3);
        assertTop(summary.topProducts().get(0), GREEN_TEA, "Green tea 500ml", "5", new Money(1750, "CNY"));
        assertTop(summary.topProducts().get(1), BANANAS, "Bananas per kg", "0.782", new Money(1016, "CNY"));
        assertTop(summary.topProducts().get(2), COFFEE, "Coffee beans 250g", "1", new Money(999, "USD"));
    }

    @Test
    void basketsHoldEachSalesDistinctProductsWithoutVoidedLinesForTheStoresAndDays() throws Exception {
        SaleLine voidedTea = line(2, GREEN_TEA, "Green tea 500ml", "1", 350, 0);
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, BANANAS, "Bananas per kg", "0.5", 1299, 0), voidedTea, voiding(3, voidedTea, "-1"),
                line(4, COFFEE, null, "1", 999, 0), line(5, BANANAS, "Bananas per kg", "0.2", 1299, 0))));
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-2", "2026-11-25T10:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "2", 350, 0))));
        // a return buys nothing; another store and another day are not asked for
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-3", "2026-11-26T11:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "-1", 350, 0))));
        ledger.store(recorded(sale(OTHER_SHANGHAI_STORE, "B-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, COFFEE, "Coffee beans 250g", "1", 7000, 0))));
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-4", "2026-11-20T10:00:00+08:00", "CNY",
                line(1, COFFEE, "Coffee beans 250g", "1", 7000, 0))));

        List<List<String>> baskets = new ArrayList<>();
        long count = ledger.forEachBasket(List.of(SHANGHAI_STORE), NOV_26.minusDays(1), NOV_26, baskets::add);

        assertThat(count).isEqualTo(2);
        assertThat(baskets).containsExactly(List.of("Green tea 500ml"),
                List.of("Bananas per kg", COFFEE.value()));
        assertThat(ledger.forEachBasket(List.of(), NOV_26, NOV_26, baskets::add)).isZero();
    }

    @Test
    void latestPricesAreEachProductsNewestLinePriceSinceTheDay() throws Exception {
        SaleLine voidedTea = line(2, GREEN_TEA, "Green tea 500ml", "1", 399, 0);
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-1", "2026-11-25T10:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "2", 350, 0), line(2, COFFEE, "Coffee beans 250g", "1", 999, 0))));
        // later: tea at 330 (a discount does not change the unit price), a voided 399 that does not count
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-2", "2026-11-26T09:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "1", 330, 30), voidedTea, voiding(3, voidedTea, "-1"))));
        // before the window, and another store
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-0", "2026-11-20T09:00:00+08:00", "CNY",
                line(1, BANANAS, "Bananas per kg", "1", 1299, 0))));
        ledger.store(recorded(sale(OTHER_SHANGHAI_STORE, "B-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "1", 500, 0))));

        List<LatestPrice> prices = ledger.latestPrices(SHANGHAI_STORE, NOV_26.minusDays(1));

        // by GTIN: coffee 04006381333931 before tea 06901234567892
        assertThat(prices).extracting(LatestPrice::gtin).containsExactly(COFFEE.value(), GREEN_TEA.value());
        assertThat(prices.get(1).unitPrice()).isEqualTo(new Money(330, "CNY"));
        assertThat(prices.get(1).lastSoldAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-26T09:00:00+08:00").toInstant());
        assertThat(prices.get(0).unitPrice()).isEqualTo(new Money(999, "CNY"));
        assertThat(prices.get(0).name()).isEqualTo("Coffee beans 250g");
    }

    @Test
    void topProductsAreLimitedToTheRequestedNumber() throws Exception {
        ledger.store(recorded(sale(SHANGHAI_STORE, "A-1", "2026-11-26T10:00:00+08:00", "CNY",
                line(1, GREEN_TEA, "Green tea 500ml", "1", 350, 0),
                line(2, BANANAS, "Bananas per kg", "1", 1299, 0),
                line(3, COFFEE, "Coffee beans 250g", "1", 5000, 0))));

        SalesSummary summary = ledger.summary(Optional.of(SHANGHAI_STORE), Optional.of(NOV_26), 2);

        assertThat(summary.topProducts()).extracting(TopProduct::gtin)
                .containsExactly(COFFEE.value(), BANANAS.value());
    }

    @Test
    void summaryWithoutFiltersCoversEveryStoreAndDay() throws Exception {
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "1", "2026-11-26T10:00:00+08:00")));
        ledger.store(recorded(greenTea(SHANGHAI_STORE, "2", "2026-11-27T10:00:00+08:00")));
        ledger.store(recorded(greenTea(OTHER_SHANGHAI_STORE, "3", "2026-11-26T10:00:00+08:00")));

        SalesSummary all = ledger.summary(Optional.empty(), Optional.empty(), 10);

        assertThat(all.sales()).isEqualTo(3);
        assertThat(all.revenue()).containsExactly(new Money(2100, "CNY"));
        assertThat(all.topProducts()).singleElement().satisfies(top -> {
            assertThat(top.units()).isEqualByComparingTo("6");
            assertThat(top.revenue()).isEqualTo(new Money(2100, "CNY"));
        });
        assertThat(ledger.summary(Optional.empty(), Optional.of(NOV_26), 10).sales()).isEqualTo(2);
        assertThat(ledger.summary(Optional.of(SHANGHAI_STORE), Optional.empty(), 10).sales()).isEqualTo(2);
    }

    @Test
    void emptyLedgerGivesAnEmptySummary() {
        SalesSummary summary = day(SHANGHAI_STORE, NOV_26);

        assertThat(summary.sales()).isZero();
        assertThat(summary.revenue()).isEmpty();
        assertThat(summary.topProducts()).isEmpty();
    }

    private static void assertTop(TopProduct top, org.storelink.model.Gtin gtin, String name, String units,
                                  Money revenue) {
        assertThat(top.gtin()).isEqualTo(gtin.value());
        assertThat(top.name()).isEqualTo(name);
        assertThat(top.units()).isEqualByComparingTo(new BigDecimal(units));
        assertThat(top.revenue()).isEqualTo(revenue);
    }
}
