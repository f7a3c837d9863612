package org.storelink.branding.internal;

import java.util.Optional;

import org.storelink.model.Gtin;

/**
 * The EAN-13 printed for a GTIN. A GTIN-13 (and a GTIN-12 / UPC-A, which is an EAN-13 starting with 0) is held as
 * GTIN-14 with a leading 0; dropping that 0 gives the EAN-13, check digit unchanged, because the GS1 check digit is
 * computed from the right.
 */
public final class Ean13 {

    private Ean13() {
    }

    /** The 13 digits, or why this GTIN has no EAN-13 symbol. */
    public static Result of(Gtin gtin) {
        String value = gtin.value();
        if (value.charAt(0) != '0') {
            return Result.refused(value, "GTIN-14 with packaging indicator " + value.charAt(0)
                    + " identifies a case or pack of trade items, which is printed as ITF-14 or GS1-128, not EAN-13");
        }
        if (value.startsWith("000000")) {
            return Result.refused(value, "is a GTIN-8 (" + value.substring(6) + "), printed as an EAN-8 symbol, not"
                    + " EAN-13");
        }
        String ean = value.substring(1);
        // Gtin has already checked it; a second look costs nothing and guards the symbol
        if (Gtin.checkDigit(ean.substring(0, 12)) != ean.charAt(12) - '0') {
            return Result.refused(value, "check digit does not match");
        }
        return new Result(value, Optional.of(ean), Optional.empty());
    }

    /** @param ean13 the digits to encode, or empty with {@code reason} */
    public record Result(String gtin, Optional<String> ean13, Optional<String> reason) {
        static Result refused(String gtin, String reason) {
            return new Result(gtin, Optional.empty(), Optional.of(reason));
        }
    }
}
