package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The replenishment arithmetic, in decimals (never floating point): demand statistics over daily units, the
 * reorder point with safety stock, the order-up-to target and the order quantity in whole packs.
 */
final class ReorderMath {
    static final MathContext MC = MathContext.DECIMAL128;
    static final int SCALE = 3;

    /** Mean and sample standard deviation of units per day. */
    record Demand(BigDecimal mean, BigDecimal sigma) {
    }

    private ReorderMath() {
    }

    /** Days without sales must be in the list as zeros. Fewer than two days have no deviation. */
    static Demand demand(List<BigDecimal> daily) {
        if (daily.isEmpty()) {
            return new Demand(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal n = BigDecimal.valueOf(daily.size());
        BigDecimal sum = daily.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(n, MC);
        if (daily.size() < 2) {
            return new Demand(mean, BigDecimal.ZERO);
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal units : daily) {
            BigDecimal deviation = units.subtract(mean, MC);
            squares = squares.add(deviation.multiply(deviation, MC), MC);
        }
        BigDecimal variance = squares.divide(BigDecimal.valueOf(daily.size() - 1L), MC);
        return new Demand(mean, variance.sqrt(MC));
    }

    /** Expected demand over the lead time plus safety stock: μ·L + z·σ·√L. */
    static BigDecimal reorderPoint(Demand demand, int leadTimeDays, BigDecimal z) {
        BigDecimal lead = BigDecimal.valueOf(leadTimeDays);
        BigDecimal safety = z.multiply(demand.sigma(), MC).multiply(lead.sqrt(MC), MC);
        return demand.mean().multiply(lead, MC).add(safety, MC);
    }

    /** Order up to the reorder point plus the demand of the review period. */
    static BigDecimal target(BigDecimal reorderPoint, Demand demand, int reviewPeriodDays) {
        return reorderPoint.add(demand.mean().multiply(BigDecimal.valueOf(reviewPeriodDays), MC), MC);
    }

    /**
     * Units to order: nothing while the inventory position is above the reorder point; otherwise what brings the
     * position up to the target, rounded up to whole packs.
     */
    static long orderQuantity(BigDecimal position, BigDecimal reorderPoint, BigDecimal target, int packSize) {
        if (position.compareTo(reorderPoint) > 0) {
            return 0;
        }
        BigDecimal need = target.subtract(position, MC);
        if (need.signum() <= 0) {
            return 0;
        }
        return roundUpToPacks(need, packSize);
    }

    /** The smallest multiple of the pack size that is at least {@code units}. */
    static long roundUpToPacks(BigDecimal units, int packSize) {
        if (units.signum() <= 0) {
            return 0;
        }
        BigDecimal packs = units.divide(BigDecimal.valueOf(packSize), 0, RoundingMode.CEILING);
        return packs.longValueExact() * packSize;
    }

    static BigDecimal display(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
