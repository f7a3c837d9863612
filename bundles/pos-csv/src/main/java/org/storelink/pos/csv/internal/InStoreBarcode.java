package org.storelink.pos.csv.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.storelink.model.Gtin;
import org.storelink.pos.csv.internal.CsvProfile.InStoreValue;

/**
 * A GS1 restricted-circulation EAN-13 (prefix 20-29) printed by a store's scale or labeller, laid out as two prefix
 * digits, five item digits, five value digits and the check digit: {@code PP IIIII VVVVV C}.
 *
 * <p>The item is named by its <em>canonical</em> GTIN: the same digits with the value zeroed and the check digit
 * computed again ({@code PP IIIII 00000 C'}), so that every label of one weighed or priced item counts as one
 * product across sales.
 *
 * @param item the canonical GTIN of the item
 * @param kind what the value digits hold
 * @param value the embedded price in minor units, or the weight in grams
 */
record InStoreBarcode(Gtin item, InStoreValue kind, long value) {

    private static final int EAN13 = 13;

    /**
     * Decodes a barcode when its prefix is one the profile declares; any other GTIN is an ordinary product number.
     *
     * @param gtin a GTIN whose check digit has been verified (every {@link Gtin} is)
     * @param layouts what the value digits hold, by two-digit prefix
     */
    static Optional<InStoreBarcode> decode(Gtin gtin, Map<Integer, InStoreValue> layouts) {
        if (layouts.isEmpty() || gtin.value().charAt(0) != '0') {
            return Optional.empty();
        }
        String ean = gtin.value().substring(1);
        if (ean.length() != EAN13) {
            return Optional.empty();
        }
        InStoreValue kind = layouts.get(Integer.parseInt(ean.substring(0, 2)));
        if (kind == null) {
            return Optional.empty();
        }
        long value = Long.parseLong(ean.substring(7, 12));
        String zeroed = ean.substring(0, 7) + "00000";
        Gtin item = Gtin.parse(zeroed + Gtin.checkDigit(zeroed));
        return Optional.of(new InStoreBarcode(item, kind, value));
    }

    /** The weight in kilograms with three decimals; only for {@link InStoreValue#WEIGHT}. */
    BigDecimal kilograms() {
        return BigDecimal.valueOf(value, 3);
    }
}
