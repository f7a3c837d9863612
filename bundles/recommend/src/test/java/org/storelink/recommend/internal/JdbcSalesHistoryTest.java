package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.recommend.internal.TestData.gtin;
import static org.storelink.recommend.internal.TestData.line;
import static org.storelink.recommend.internal.TestData.recorded;
import static org.storelink.recommend.internal.TestData.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;

/** On embedded H2; {@link JdbcSalesHistoryPostgresTest} runs the same tests on PostgreSQL. */
class JdbcSalesHistoryTest {
    static final String TEA = gtin(690123456789L);
    static final String RICE = gtin(690000000001L);

    private DataSource dataSource;
    private JdbcSalesHistory history;

    DataSource newDatabase() throws Exception {
        return TestData.newDatabase();
    }

    void dropDatabase(DataSource dataSource) throws Exception {
        TestData.shutdown(dataSource);
    }

    @BeforeEach
    void migrate() throws Exception {
        dataSource = newDatabase();
        RecommendSchema.migrate(dataSource, getClass().getClassLoader());
        history = new JdbcSalesHistory(dataSource,
                id -> id.startsWith("sh-") ? Optional.of(ZoneId.of("Asia/Shanghai")) : Optional.empty(),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void drop() throws Exception {
        dropDatabase(dataSource);
    }

    @Test
    void aSaleIsRolledUpOnceAndAResendChangesNothing() throws Exception {
        Sale sale = sale("sh-1", "000123", "2026-11-26T09:15:30+08:00", line(1, TEA, "Green tea", "2", 350),
                line(2, TEA, "Green tea", "1", 300), line(3, RICE, "Rice 1kg", "0.255", 1200));

        assertThat(history.record(recorded(sale))).isTrue();
        List<JdbcSalesHistory.WeeklyRow> first = history.weeklyRows("sh-1");
        // redelivered, or resent by the till as a new event for the same sale
        assertThat(history.record(recorded(sale))).isFalse();

        assertThat(history.weeklyRows("sh-1")).isEqualTo(first).hasSize(2);
        JdbcSalesHistory.WeeklyRow tea = row(first, TEA);
        assertThat(tea.weekStart()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(tea.isoWeek()).isEqualTo("2026-W48");
        assertThat(tea.units()).isEqualByComparingTo("3");
        assertThat(tea.revenue()).isEqualTo(1000);
        assertThat(tea.lines()).isEqualTo(2);
        assertThat(tea.minUnitPrice()).isEqualTo(300);
        assertThat(tea.maxUnitPrice()).isEqualTo(350);
        JdbcSalesHistory.WeeklyRow rice = row(first, RICE);
        assertThat(rice.units()).isEqualByComparingTo("0.255");
        assertThat(rice.revenue()).isEqualTo(306); // 0.255 x 1200 = 306 fen, exactly
        assertThat(history.contains(sale.saleId())).isTrue();
    }

    @Test
    void salesAddUpInTheirWeekAndPricePointsKeepUnitsPerPrice() throws Exception {
        history.record(recorded(sale("sh-1", "2026-11-24T10:00:00+08:00", line(1, TEA, "Green tea", "2", 350))));
        history.record(recorded(sale("sh-1", "2026-11-25T10:00:00+08:00", line(1, TEA, "Green tea", "3", 350))));
        history.record(recorded(sale("sh-1", "2026-11-25T11:00:00+08:00", line(1, TEA, "Green tea", "1", 320))));

        JdbcSalesHistory.WeeklyRow tea = row(history.weeklyRows("sh-1"), TEA);
        assertThat(tea.units()).isEqualByComparingTo("6");
        assertThat(tea.lines()).isEqualTo(3);
        assertThat(tea.minUnitPrice()).isEqualTo(320);
        assertThat(tea.maxUnitPrice()).isEqualTo(350);

        List<SalesHistory.WeeklyPrice> prices = history.prices(List.of("sh-1"), Optional.of(TEA),
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"));
        assertThat(prices).extracting(SalesHistory.WeeklyPrice::unitPrice, p -> p.units().stripTrailingZeros())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(350L, new BigDecimal("5")),
                        org.assertj.core.groups.Tuple.tuple(320L, new BigDecimal("1")));
        assertThat(history.latestPrices("sh-1", Optional.empty(), LocalDate.parse("2026-11-01")))
                .containsOnlyKeys(TEA)
                .satisfies(latest -> assertThat(latest.get(TEA).unitPrice()).isEqualTo(350));
    }

    @Test
    void theBusinessWeekIsTakenInTheStoresZone() throws Exception {
        // Sunday 29 Nov 23:30 UTC is Monday 30 Nov 07:30 in Shanghai: week 49 there, not week 48
        history.record(recorded(sale("sh-1", "2026-11-29T23:30:00Z", line(1, TEA, "Green tea", "1", 350))));
        // a store whose zone is unknown falls on the date of the sale's own offset
        history.record(recorded(sale("pop-up", "2026-11-29T23:30:00Z", line(1, TEA, "Green tea", "1", 350))));

        assertThat(history.weeklyRows("sh-1")).singleElement().satisfies(row -> {
            assertThat(row.weekStart()).isEqualTo(LocalDate.parse("2026-11-30"));
            assertThat(row.isoWeek()).isEqualTo("2026-W49");
        });
        assertThat(history.weeklyRows("pop-up")).singleElement()
                .satisfies(row -> assertThat(row.isoWeek()).isEqualTo("2026-W48"));
    }

    @Test
    void aBusinessDayStatedBySourceWins() throws Exception {
        Sale lateNight = sale("sh-1", "2026-11-30T01:30:00+08:00", line(1, TEA, "Green tea", "1", 350));
        SaleRecorded event = new SaleRecorded("e1", TestData.RECORDED_AT, "pos-poslog", lateNight,
                LocalDate.parse("2026-11-29"));

        history.record(event);

        assertThat(history.weeklyRows("sh-1")).singleElement()
                .satisfies(row -> assertThat(row.weekStart()).isEqualTo(LocalDate.parse("2026-11-23")));
    }

    @Test
    void aVoidedLineTakesItsUnitsBackButNotItsPrices() throws Exception {
        SaleLine sold = line(1, TEA, "Green tea", "2", 350);
        history.record(recorded(sale("sh-1", "2026-11-24T10:00:00+08:00", sold, TestData.voiding(2, sold),
                line(3, TEA, "Green tea", "1", 330))));

        JdbcSalesHistory.WeeklyRow tea = row(history.weeklyRows("sh-1"), TEA);
        assertThat(tea.units()).isEqualByComparingTo("1");
        assertThat(tea.revenue()).isEqualTo(330);
        assertThat(tea.lines()).isEqualTo(2);
        // only prices at which something was sold, net, are price points
        assertThat(history.prices(List.of("sh-1"), Optional.of(TEA), LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29"))).singleElement()
                .satisfies(p -> assertThat(p.unitPrice()).isEqualTo(330));
    }

    @Test
    void theNameOfTheLatestSaleWinsWhateverTheOrderOfArrival() throws Exception {
        history.record(recorded(sale("sh-1", "2026-11-25T10:00:00+08:00", line(1, TEA, "Green Tea 500ml", "1", 350))));
        history.record(recorded(sale("sh-1", "2026-11-24T10:00:00+08:00", line(1, TEA, "green tea", "1", 350))));

        assertThat(history.names(List.of(TEA, RICE))).isEqualTo(Map.of(TEA, "Green Tea 500ml"));
    }

    @Test
    void unitsAndActiveWeeksCoverTheWindowOnly() throws Exception {
        history.record(recorded(sale("sh-1", "2026-11-10T10:00:00+08:00", line(1, TEA, "Green tea", "9", 350))));
        history.record(recorded(sale("sh-1", "2026-11-17T10:00:00+08:00", line(1, TEA, "Green tea", "2", 350))));
        history.record(recorded(sale("sh-1", "2026-11-24T10:00:00+08:00", line(1, TEA, "Green tea", "4", 350),
                line(2, RICE, "Rice", "1", 1200))));
        history.record(recorded(sale("sh-2", "2026-11-24T10:00:00+08:00", line(1, RICE, "Rice", "1", 1200))));

        LocalDate from = LocalDate.parse("2026-11-16");
        LocalDate to = LocalDate.parse("2026-11-23");
        Map<String, Map<String, BigDecimal>> units = history.units(List.of("sh-1", "sh-2", "sh-3"), from, to);
        assertThat(units.get("sh-1").get(TEA)).isEqualByComparingTo("6");
        assertThat(units.get("sh-1").get(RICE)).isEqualByComparingTo("1");
        assertThat(units.get("sh-2").get(RICE)).isEqualByComparingTo("1");
        assertThat(units).doesNotContainKey("sh-3");
        assertThat(history.activeWeeks(List.of("sh-1", "sh-2"), from, to)).isEqualTo(Map.of("sh-1", 2, "sh-2", 1));
    }

    private static JdbcSalesHistory.WeeklyRow row(List<JdbcSalesHistory.WeeklyRow> rows, String gtin) {
        return rows.stream().filter(r -> r.gtin().equals(gtin)).findFirst().orElseThrow();
    }
}
