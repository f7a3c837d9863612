package org.storelink.model;

/**
 * One reason a sale is unacceptable.
 *
 * @param path where, in the JSON names of the canonical form: {@code lines[0].gtin}, {@code tenders}
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
