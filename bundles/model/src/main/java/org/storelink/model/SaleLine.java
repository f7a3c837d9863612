package org.storelink.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a receipt.
 *
 * @param quantity units, or kilograms for goods sold by weight; negative only on a voiding line
 * @param unitPrice minor units per unit (or per kg)
 * @param discount minor units taken off this line, never negative: it reduces the line's
 *     magnitude, so on a voiding line it gives back the discount of the line being cancelled
 * @param promotionCode the promotion that granted the discount, or null
 * @param voidsLine the {@link #lineNo()} this line cancels, or null for an ordinary line
 */
public record SaleLine(int lineNo, Gtin gtin, String name, BigDecimal quantity, long unitPrice,
        long discount, String promotionCode, Integer voidsLine) {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LIMIT = BigDecimal.valueOf(Long.MAX_VALUE);

    public SaleLine {
        // JSON parsers may deliver 1E+3 for 1000; scale 0 keeps equals() stable across a round trip.
        // Only small magnitudes are rescaled, as rescaling 1E+999999999 would take minutes.
        if (quantity != null && quantity.scale() < 0 && quantity.precision() - quantity.scale() <= 19) {
            quantity = quantity.setScale(0);
        }
    }

    /**
     * Quantity times unit price rounded half-up to a whole minor unit, less the discount; on a
     * voiding line (negative quantity) the discount is given back, so the result is the exact
     * negative of the line it cancels.
     *
     * @throws ArithmeticException if it does not fit in a long
     */
    public long amount() {
        long gross = grossAmount();
        return quantity.signum() < 0 ? Math.addExact(gross, discount) : Math.subtractExact(gross, discount);
    }

    /**
     * Quantity times unit price, rounded half-up (away from zero, so a void cancels exactly).
     *
     * @throws ArithmeticException if it does not fit in a long
     */
    public long grossAmount() {
        BigDecimal exact = quantity.multiply(BigDecimal.valueOf(unitPrice));
        // Guard before rounding: setScale on a hostile scale (1E-999999999) is very slow, and
        // anything under half a minor unit rounds to zero anyway.
        if (exact.abs().compareTo(HALF) < 0) {
            return 0;
        }
        if (exact.abs().compareTo(LIMIT) > 0) {
            throw new ArithmeticException("line " + lineNo + " amount does not fit in a long");
        }
        return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
