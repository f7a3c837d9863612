package org.storelink.recommend.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Unit-weighted quartiles of shelf prices, exactly: prices are minor units and units exact decimals, so no
 * rounding is involved. The q-quantile is the lowest price at which at least the fraction q of all units were sold
 * at that price or less.
 */
public record PriceQuartiles(long p25, long median, long p75, int distinctPrices) {

    /** Units sold at one unit price. */
    public record PricePoint(long unitPrice, BigDecimal units) {
    }

    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");

    /** Empty when no units were sold at a positive price. */
    public static Optional<PriceQuartiles> of(Collection<PricePoint> points) {
        TreeMap<Long, BigDecimal> byPrice = new TreeMap<>();
        for (PricePoint point : points) {
            if (point.unitPrice() > 0 && point.units().signum() > 0) {
                byPrice.merge(point.unitPrice(), point.units(), BigDecimal::add);
            }
        }
        if (byPrice.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = byPrice.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new PriceQuartiles(quantile(byPrice, total.multiply(QUARTER)),
                quantile(byPrice, total.multiply(HALF)), quantile(byPrice, total.multiply(THREE_QUARTERS)),
                byPrice.size()));
    }

    private static long quantile(TreeMap<Long, BigDecimal> byPrice, BigDecimal threshold) {
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> entry : byPrice.entrySet()) {
            cumulative = cumulative.add(entry.getValue());
            if (cumulative.compareTo(threshold) >= 0) {
                return entry.getKey();
            }
        }
        return byPrice.lastKey();
    }

    public boolean contains(long price) {
        return price >= p25 && price <= p75;
    }
}
