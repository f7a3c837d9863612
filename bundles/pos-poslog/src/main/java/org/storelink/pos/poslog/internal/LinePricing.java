package org.storelink.pos.poslog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.storelink.model.SaleLine;

/**
 * Turns what POSLog states about an item line into the canonical unit price and discount, so that the canonical
 * line amount ({@link SaleLine#amount()}) equals the money the file states for the line.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>The first stated price (the voided line's price for a void, then RegularSalesUnitPrice, then
 *       ActualSalesUnitPrice) whose rounded product with the quantity reaches the line's money is the unit price;
 *       what the product exceeds the money by is the discount.</li>
 *   <li>If no stated price reaches it (a price above the regular one, or none stated), the unit price is the
 *       smallest whole minor unit whose product, rounded half-up as {@link SaleLine} does, reaches the money; the
 *       remainder (less than one minor unit times the quantity) is the discount.</li>
 * </ol>
 */
final class LinePricing {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** The canonical price of a line: its amount is {@code gross - discount}. */
    record Priced(long unitPrice, long discount) {
    }

    private LinePricing() {
    }

    /**
     * @param quantity a positive quantity (the magnitude for returns and voids)
     * @param net the line's money, in minor units, not negative
     * @param prices stated prices to try in order; null and negative entries are skipped
     * @return the price, or null when none fits in a long
     */
    static Priced fit(BigDecimal quantity, long net, List<Long> prices) {
        if (quantity.signum() <= 0 || net < 0) {
            throw new IllegalArgumentException("quantity must be positive and net not negative");
        }
        for (Long price : prices) {
            if (price == null || price < 0) {
                continue;
            }
            Long gross = gross(quantity, price);
            if (gross != null && gross >= net) {
                return new Priced(price, gross - net);
            }
        }
        BigDecimal smallest = BigDecimal.valueOf(net).subtract(HALF).divide(quantity, 0, RoundingMode.CEILING)
                .max(BigDecimal.ZERO);
        if (smallest.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        for (long price = smallest.longValueExact(), tries = 0; tries < 3; price++, tries++) {
            Long gross = gross(quantity, price);
            if (gross == null) {
                return null;
            }
            if (gross >= net) {
                return new Priced(price, gross - net);
            }
        }
        return null;
    }

    /** Quantity times price as {@link SaleLine#grossAmount()} rounds it, or null when it does not fit. */
    static Long gross(BigDecimal quantity, long price) {
        try {
            return new SaleLine(1, null, null, quantity, price, 0, null, null).grossAmount();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
