package org.storelink.wholesale;

import java.math.BigDecimal;
import java.util.Objects;

import org.storelink.model.Gtin;

/** A quantity of one product, in units (or kg for goods sold by weight). */
public record Quantity(Gtin gtin, BigDecimal quantity) {

    public Quantity {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(quantity, "quantity");
    }
}
