package org.storelink.promotions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.storelink.model.Money;

/**
 * How a promotion lowers the price. {@link #discount} is what the mechanics grant on one sale line, in minor units;
 * it never exceeds the line's gross amount and is never negative for a sold line. A voiding line (negative quantity)
 * gets the exact negative of what the line it cancels got.
 */
public sealed interface Mechanics {

    /** The code in catalogs: {@code percent-off}, {@code fixed-price}, {@code buy-x-get-y}, {@code bundle-price}. */
    String code();

    /** For people: {@code 15% off}, {@code CNY 2.99 each}, {@code buy 2 get 1 free}, {@code 3 for CNY 9.00}. */
    String describe();

    /** The currency a price in the mechanics is in; empty for mechanics without a price. */
    Optional<String> priceCurrency();

    /**
     * The discount, in minor units, on a line of {@code quantity} units at {@code unitPrice} minor units each.
     * Mechanics that count items (buy-x-get-y, bundle-price) count whole units only.
     */
    default long discount(BigDecimal quantity, long unitPrice) {
        if (quantity.signum() < 0) {
            return -discount(quantity.negate(), unitPrice);
        }
        if (unitPrice <= 0 || quantity.signum() == 0) {
            return 0;
        }
        return Math.min(positiveDiscount(quantity, unitPrice), round(quantity.multiply(BigDecimal.valueOf(unitPrice))));
    }

    /** The discount for a positive quantity and price; {@link #discount} caps it at the gross amount. */
    long positiveDiscount(BigDecimal quantity, long unitPrice);

    private static long round(BigDecimal minor) {
        return minor.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Whole units in a quantity: 2.9 kg of something counted by item is 2 items. */
    private static long wholeUnits(BigDecimal quantity) {
        return quantity.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** {@code percent}% off the line's gross amount, rounded half up to a whole minor unit. */
    record PercentOff(int percent) implements Mechanics {
        public static final String CODE = "percent-off";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String describe() {
            return percent + "% off";
        }

        @Override
        public Optional<String> priceCurrency() {
            return Optional.empty();
        }

        @Override
        public long positiveDiscount(BigDecimal quantity, long unitPrice) {
            long gross = round(quantity.multiply(BigDecimal.valueOf(unitPrice)));
            return round(BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(percent)).movePointLeft(2));
        }
    }

    /** Each unit sells for {@code price}; a unit already cheaper gets nothing. */
    record FixedPrice(long price, String currency) implements Mechanics {
        public static final String CODE = "fixed-price";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String describe() {
            return new Money(price, currency).format() + " each";
        }

        @Override
        public Optional<String> priceCurrency() {
            return Optional.of(currency);
        }

        @Override
        public long positiveDiscount(BigDecimal quantity, long unitPrice) {
            if (unitPrice <= price) {
                return 0;
            }
            return round(quantity.multiply(BigDecimal.valueOf(unitPrice - price)));
        }
    }

    /** Of every {@code buy + get} units, {@code get} are free. */
    record BuyXGetY(int buy, int get) implements Mechanics {
        public static final String CODE = "buy-x-get-y";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String describe() {
            return "buy " + buy + " get " + get + " free";
        }

        @Override
        public Optional<String> priceCurrency() {
            return Optional.empty();
        }

        @Override
        public long positiveDiscount(BigDecimal quantity, long unitPrice) {
            long free = Math.multiplyExact(wholeUnits(quantity) / (buy + get), get);
            return Math.multiplyExact(free, unitPrice);
        }
    }

    /** Every {@code quantity} units together sell for {@code price}; the rest at the normal price. */
    record BundlePrice(int quantity, long price, String currency) implements Mechanics {
        public static final String CODE = "bundle-price";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String describe() {
            return quantity + " for " + new Money(price, currency).format();
        }

        @Override
        public Optional<String> priceCurrency() {
            return Optional.of(currency);
        }

        @Override
        public long positiveDiscount(BigDecimal units, long unitPrice) {
            long saving = Math.multiplyExact(quantity, unitPrice) - price;
            if (saving <= 0) {
                return 0;
            }
            return Math.multiplyExact(wholeUnits(units) / quantity, saving);
        }
    }
}
