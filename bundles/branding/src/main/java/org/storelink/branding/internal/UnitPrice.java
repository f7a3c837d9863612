package org.storelink.branding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.storelink.branding.UnitSize;
import org.storelink.model.Money;

/**
 * The price per kg, L or piece that shelf-price rules ask for: exact decimal arithmetic on minor units, rounded
 * half-even to the currency's minor unit. CNY 3.50 for 500 ml is CNY 7.00/L.
 */
public final class UnitPrice {

    private UnitPrice() {
    }

    public static Money per(Money price, UnitSize size) {
        BigDecimal perUnit = BigDecimal.valueOf(price.minor()).divide(size.amount(), 0, RoundingMode.HALF_EVEN);
        return new Money(perUnit.longValueExact(), price.currency());
    }

    /** Whether a label should show one: not for an item that is itself one piece. */
    public static boolean worthShowing(UnitSize size) {
        return size.unit() != UnitSize.Unit.PIECE || size.amount().compareTo(BigDecimal.ONE) != 0;
    }
}
