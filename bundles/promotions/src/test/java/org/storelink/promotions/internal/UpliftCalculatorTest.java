package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.day;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.storelink.promotions.PromotionReport.Uplift;

/**
 * A constructed case with a known answer. Promotion 2026-12-01 to 2026-12-14 (2 weeks); baseline 2026-11-03 to
 * 2026-11-30 (4 weeks).
 *
 * <pre>
 *                    before (4 weeks)         during (2 weeks)
 * participating A    1 unit/day, 100 fen     3 units/day, 300 fen    -> 7/week before, 21/week during
 * participating B    1 unit/day              2 units/day             -> 7 and 14
 * comparison C       2 units/day             3 units/day             -> 14 and 21
 * </pre>
 *
 * Participating: 7 -> 17.5 per store-week (+10.5); comparison: 14 -> 21 (+7); uplift 3.5 units per store-week,
 * 3.5 / 7 = 50% of the baseline.
 */
class UpliftCalculatorTest {
    private static final LocalDate FROM = day("2026-12-01");
    private static final LocalDate TO = day("2026-12-14");

    private static void daily(List<JdbcPromotions.DailySales> sales, String store, LocalDate from, LocalDate to,
                              int units) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            sales.add(new JdbcPromotions.DailySales(store, d, BigDecimal.valueOf(units), units * 100L));
        }
    }

    private static List<JdbcPromotions.DailySales> constructed() {
        List<JdbcPromotions.DailySales> sales = new ArrayList<>();
        daily(sales, "A", day("2026-11-03"), day("2026-11-30"), 1);
        daily(sales, "A", FROM, TO, 3);
        daily(sales, "B", day("2026-11-03"), day("2026-11-30"), 1);
        daily(sales, "B", FROM, TO, 2);
        daily(sales, "C", day("2026-11-03"), day("2026-11-30"), 2);
        daily(sales, "C", FROM, TO, 3);
        // outside both windows, and a store in neither group: ignored
        daily(sales, "A", day("2026-10-01"), day("2026-11-02"), 50);
        daily(sales, "Z", FROM, TO, 99);
        return sales;
    }

    @Test
    void differenceInDifferencesHasTheKnownAnswer() {
        Uplift uplift = UpliftCalculator.compute(constructed(), Set.of("A", "B"), Set.of("C"), FROM, TO,
                day("2026-10-01"));

        assertThat(uplift.method()).isEqualTo("difference-in-differences");
        assertThat(uplift.baselineFrom()).isEqualTo(day("2026-11-03"));
        assertThat(uplift.baselineTo()).isEqualTo(day("2026-11-30"));
        assertThat(uplift.promotionDays()).isEqualTo(14);
        assertThat(uplift.participating().stores()).isEqualTo(2);
        assertThat(uplift.participating().unitsBefore()).isEqualByComparingTo("7");
        assertThat(uplift.participating().unitsDuring()).isEqualByComparingTo("17.5");
        assertThat(uplift.participating().revenueBefore()).isEqualByComparingTo("700");
        assertThat(uplift.participating().revenueDuring()).isEqualByComparingTo("1750");
        assertThat(uplift.comparison().stores()).isEqualTo(1);
        assertThat(uplift.comparison().unitsBefore()).isEqualByComparingTo("14");
        assertThat(uplift.comparison().unitsDuring()).isEqualByComparingTo("21");
        assertThat(uplift.unitsUplift()).isEqualByComparingTo("3.5");
        assertThat(uplift.revenueUplift()).isEqualByComparingTo("350");
        assertThat(uplift.unitsUpliftRatio()).isEqualByComparingTo("0.5");
        assertThat(uplift.baselineComplete()).isTrue();
    }

    @Test
    void withoutComparableStoresItIsTheParticipatingStoresChangeAlone() {
        Uplift uplift = UpliftCalculator.compute(constructed(), Set.of("A", "B"), Set.of(), FROM, TO, null);

        assertThat(uplift.method()).isEqualTo("before-after");
        assertThat(uplift.comparison()).isNull();
        assertThat(uplift.unitsUplift()).isEqualByComparingTo("10.5");
        assertThat(uplift.baselineComplete()).isFalse();
    }

    @Test
    void aPartialWeekIsScaledToAWeek() {
        // 3 days of A at 3 units/day = 9 units in 3/7 of a week: 21 per store-week
        Uplift uplift = UpliftCalculator.compute(constructed(), Set.of("A"), Set.of("C"), FROM, day("2026-12-03"),
                day("2026-12-15"));
        assertThat(uplift.promotionDays()).isEqualTo(3);
        assertThat(uplift.participating().unitsDuring()).isEqualByComparingTo("21");
        assertThat(uplift.unitsUplift()).isEqualByComparingTo("7"); // (21 - 7) - (21 - 14)
        assertThat(uplift.baselineComplete()).isFalse(); // tracked only since after the baseline began
    }

    @Test
    void nothingToMeasureBeforeTheFirstCompleteDayOrWithoutParticipants() {
        assertThat(UpliftCalculator.compute(constructed(), Set.of("A"), Set.of("C"), FROM, FROM.minusDays(1), null)
                .method()).isEqualTo("not-available");
        Uplift none = UpliftCalculator.compute(constructed(), Set.of(), Set.of("C"), FROM, TO, null);
        assertThat(none.method()).isEqualTo("not-available");
        assertThat(none.participating()).isNull();
        assertThat(none.unitsUplift()).isNull();
    }
}
