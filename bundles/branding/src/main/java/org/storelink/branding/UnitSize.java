package org.storelink.branding;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What one item contains, in the unit its unit price is shown per: 500 ml is {@code 0.5 L}, 250 g is
 * {@code 0.25 kg}, a pack of 6 is {@code 6 piece}.
 */
public record UnitSize(BigDecimal amount, Unit unit) {

    /** The units a unit price is shown per. */
    public enum Unit {
        KG("kg"), L("L"), PIECE("piece");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** As printed after the price: {@code kg}, {@code L}, {@code piece}. */
        public String symbol() {
            return symbol;
        }

        public static Unit parse(String text) {
            for (Unit unit : values()) {
                if (unit.symbol.equalsIgnoreCase(text) || unit.name().equalsIgnoreCase(text)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("unknown unit \"" + text + "\"; expected kg, L or piece");
        }
    }

    public UnitSize {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a unit size must be positive, not " + amount.toPlainString());
        }
        amount = amount.stripTrailingZeros();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.symbol().toLowerCase(Locale.ROOT);
    }
}
