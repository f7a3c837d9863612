package org.storelink.promotions.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;

import org.storelink.promotions.PromotionReport.Group;
import org.storelink.promotions.PromotionReport.Uplift;

/**
 * Difference-in-differences on sales per store-week. For each group of stores: units (and revenue) of the promoted
 * products over the {@value Uplift#BASELINE_WEEKS} weeks before the promotion divided by stores × 4 weeks, and over
 * the promotion's days so far divided by stores × days / 7. The uplift is the participating stores' change less the
 * comparison stores' change: what the promotion added beyond what happened anyway. Computed unrounded; rounded only
 * for the figures shown (2 decimals; the ratio 4).
 */
final class UpliftCalculator {
    static final String DIFFERENCE_IN_DIFFERENCES = "difference-in-differences";
    static final String BEFORE_AFTER = "before-after";
    static final String NOT_AVAILABLE = "not-available";
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    private UpliftCalculator() {
    }

    /**
     * @param sales         daily sales of the promoted products; stores outside both groups are ignored
     * @param promotionFrom first day of the promotion
     * @param promotionTo   last complete day of the promotion so far; before {@code promotionFrom} when none
     * @param trackedSince  the first day all the promoted products' sales were kept, or null
     */
    static Uplift compute(Collection<JdbcPromotions.DailySales> sales, Set<String> participating,
                          Set<String> comparison, LocalDate promotionFrom, LocalDate promotionTo,
                          LocalDate trackedSince) {
        LocalDate baselineFrom = promotionFrom.minusWeeks(Uplift.BASELINE_WEEKS);
        LocalDate baselineTo = promotionFrom.minusDays(1);
        int days = promotionTo.isBefore(promotionFrom) ? 0
                : (int) ChronoUnit.DAYS.between(promotionFrom, promotionTo) + 1;
        boolean complete = trackedSince != null && !trackedSince.isAfter(baselineFrom);
        if (days == 0 || participating.isEmpty()) {
            return new Uplift(NOT_AVAILABLE, baselineFrom, baselineTo, promotionFrom, promotionTo, days, null, null,
                    null, null, null, trackedSince, complete);
        }
        Raw treated = raw(sales, participating, baselineFrom, baselineTo, promotionFrom, promotionTo, days);
        if (comparison.isEmpty()) {
            return new Uplift(BEFORE_AFTER, baselineFrom, baselineTo, promotionFrom, promotionTo, days,
                    treated.shown(), null, round(treated.unitsChange()), round(treated.revenueChange()),
                    ratio(treated.unitsChange(), treated.unitsBefore), trackedSince, complete);
        }
        Raw control = raw(sales, comparison, baselineFrom, baselineTo, promotionFrom, promotionTo, days);
        BigDecimal units = treated.unitsChange().subtract(control.unitsChange());
        BigDecimal revenue = treated.revenueChange().subtract(control.revenueChange());
        return new Uplift(DIFFERENCE_IN_DIFFERENCES, baselineFrom, baselineTo, promotionFrom, promotionTo, days,
                treated.shown(), control.shown(), round(units), round(revenue), ratio(units, treated.unitsBefore),
                trackedSince, complete);
    }

    /** Unrounded per-store-week figures of one group. */
    private record Raw(int stores, BigDecimal unitsBefore, BigDecimal unitsDuring, BigDecimal revenueBefore,
                       BigDecimal revenueDuring) {
        BigDecimal unitsChange() {
            return unitsDuring.subtract(unitsBefore);
        }

        BigDecimal revenueChange() {
            return revenueDuring.subtract(revenueBefore);
        }

        Group shown() {
            return new Group(stores, round(unitsBefore), round(unitsDuring), round(revenueBefore),
                    round(revenueDuring));
        }
    }

    private static Raw raw(Collection<JdbcPromotions.DailySales> sales, Set<String> stores, LocalDate baselineFrom,
                           LocalDate baselineTo, LocalDate from, LocalDate to, int days) {
        BigDecimal unitsBefore = BigDecimal.ZERO;
        BigDecimal unitsDuring = BigDecimal.ZERO;
        BigDecimal revenueBefore = BigDecimal.ZERO;
        BigDecimal revenueDuring = BigDecimal.ZERO;
        for (JdbcPromotions.DailySales day : sales) {
            if (!stores.contains(day.storeId())) {
                continue;
            }
            if (!day.day().isBefore(baselineFrom) && !day.day().isAfter(baselineTo)) {
                unitsBefore = unitsBefore.add(day.units());
                revenueBefore = revenueBefore.add(BigDecimal.valueOf(day.revenue()));
            } else if (!day.day().isBefore(from) && !day.day().isAfter(to)) {
                unitsDuring = unitsDuring.add(day.units());
                revenueDuring = revenueDuring.add(BigDecimal.valueOf(day.revenue()));
            }
        }
        BigDecimal weeksBefore = BigDecimal.valueOf((long) stores.size() * Uplift.BASELINE_WEEKS);
        BigDecimal weeksDuring = BigDecimal.valueOf((long) stores.size() * days).divide(SEVEN, EXACT);
        return new Raw(stores.size(), unitsBefore.divide(weeksBefore, EXACT), unitsDuring.divide(weeksDuring, EXACT),
                revenueBefore.divide(weeksBefore, EXACT), revenueDuring.divide(weeksDuring, EXACT));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal uplift, BigDecimal before) {
        return before.signum() == 0 ? null : uplift.divide(before, EXACT).setScale(4, RoundingMode.HALF_UP);
    }
}
