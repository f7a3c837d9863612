package org.storelink.baskets.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How the CSV writer prints measures. */
public enum NumberStyle {

    /** {@code Double.toString}'s digits, which read back as the same double, in plain notation: {@code 0.7333333333333333}. */
    ROUND_TRIP {
        @Override
        public String format(double value) {
            check(value);
            if (value == 0) {
                return "0";
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    },

    /**
     * As R's {@code write.csv} prints doubles, which is how arules' results are usually saved: 15 significant
     * digits, trailing zeros dropped, fixed notation unless the exponent form is shorter ({@code 1.01677681748856e-05}).
     */
    R {
        private final MathContext fifteen = new MathContext(15, RoundingMode.HALF_EVEN);

        @Override
        public String format(double value) {
            check(value);
            if (value == 0) {
                return "0";
            }
            BigDecimal rounded = new BigDecimal(value).round(fifteen).stripTrailingZeros();
            String fixed = rounded.toPlainString();
            String digits = rounded.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - rounded.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int magnitude = Math.abs(exponent);
            String scientific = (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (magnitude < 10 ? "0" : "") + magnitude;
            return fixed.length() <= scientific.length() ? fixed : scientific;
        }
    };

    public abstract String format(double value);

    private static void check(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
    }
}
