package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A GS1 trade item number held as GTIN-14, so that the same product scanned as EAN-13, UPC-A or
 * EAN-8 compares equal. Always valid: the constructor re-checks the check digit, because a
 * mistyped barcode would otherwise silently create a new product.
 */
public record Gtin(String value) {

    private static final int LENGTH = 14;

    public Gtin {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw invalid(value, problem.get());
        }
        if (value.length() != LENGTH) {
            throw invalid(value, "must be normalised to 14 digits; use Gtin.parse");
        }
    }

    /** Accepts GTIN-8, -12, -13 or -14 digits and normalises to 14 by left-padding with zeros. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Gtin parse(String raw) {
        Optional<String> problem = problem(raw);
        if (problem.isPresent()) {
            throw invalid(raw, problem.get());
        }
        return new Gtin("0".repeat(LENGTH - raw.length()) + raw);
    }

    /** Why {@code raw} is not a GTIN, for callers that collect problems instead of failing. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("is required");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("must contain only the digits 0-9");
            }
        }
        int length = raw.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return Optional.of("must be 8, 12, 13 or 14 digits");
        }
        int expected = checkDigit(raw.substring(0, length - 1));
        int actual = raw.charAt(length - 1) - '0';
        if (actual != expected) {
            return Optional.of("check digit is " + actual + ", expected " + expected);
        }
        return Optional.empty();
    }

    /**
     * GS1 mod-10 check digit: from the rightmost data digit leftwards, weights alternate 3, 1, 3...
     * Counting from the right is what makes the same digit valid for every GTIN length.
     */
    public static int checkDigit(String digitsWithoutCheck) {
        if (digitsWithoutCheck == null || digitsWithoutCheck.isEmpty()) {
            throw new IllegalArgumentException("digits are required");
        }
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            char c = digitsWithoutCheck.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("must contain only the digits 0-9");
            }
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** The EAN-13 that is printed on most packs, when this number has one; else the GTIN-14. */
    public String toGtin13() {
        return value.charAt(0) == '0' ? value.substring(1) : value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    private static IllegalArgumentException invalid(String raw, String reason) {
        return new IllegalArgumentException("invalid GTIN \"" + Text.clip(raw) + "\": " + reason);
    }
}
