package org.storelink.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in integer minor units of an ISO 4217 currency. Floating point never touches money:
 * sums must be exact, and the books of a chain have to agree with the tills to the last fen.
 */
public record Money(long minor, String currency) {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public Money {
        exponent(currency);
    }

    /**
     * Number of decimal places of the currency's minor unit (CNY 2, JPY 0, KWD 3).
     *
     * @throws IllegalArgumentException if the code is not ISO 4217 or names something without a
     *     minor unit (gold, the "no currency" code XXX), which cannot be held as minor units
     */
    public static int exponent(String currency) {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        Currency found;
        try {
            found = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 code \"" + Text.clip(currency) + "\"");
        }
        int digits = found.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("ISO 4217 code \"" + currency + "\" has no minor unit");
        }
        return digits;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    /** For people and messages, e.g. {@code CNY 7.00}, {@code JPY 700}, {@code CNY -0.05}. */
    public String format() {
        return currency + " " + BigDecimal.valueOf(minor, exponent(currency)).toPlainString();
    }

    /**
     * Converts a plain decimal such as {@code "7.00"} to minor units without rounding. Trailing
     * zeros beyond the currency's exponent are accepted because they do not change the value
     * ({@code "700.00"} JPY is 700); any digit that would be lost is refused.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal, would need rounding,
     *     or does not fit in a long
     */
    public static long parseMajor(String decimal, String currency) {
        int exponent = exponent(currency);
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException(
                    "\"" + Text.clip(decimal) + "\" is not a plain decimal number such as 7.00");
        }
        BigDecimal major = new BigDecimal(decimal);
        BigDecimal minorUnits = major.movePointRight(exponent);
        try {
            return minorUnits.setScale(0).longValueExact();
        } catch (ArithmeticException e) {
            if (minorUnits.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("\"" + Text.clip(decimal) + "\" has more than "
                        + exponent + " decimal places, the most " + currency + " allows");
            }
            throw new IllegalArgumentException("\"" + Text.clip(decimal) + "\" is out of range");
        }
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
