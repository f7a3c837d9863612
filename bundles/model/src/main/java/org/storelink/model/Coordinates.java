package org.storelink.model;

/**
 * WGS 84 position of a store. The one place doubles are allowed: positions are measurements,
 * never summed into the books.
 */
public record Coordinates(double latitude, double longitude) {

    public Coordinates {
        // Negated ranges so that NaN is refused too.
        if (!(latitude >= -90.0 && latitude <= 90.0)) {
            throw new IllegalArgumentException("latitude must be within -90..90, was " + latitude);
        }
        if (!(longitude >= -180.0 && longitude <= 180.0)) {
            throw new IllegalArgumentException("longitude must be within -180..180, was " + longitude);
        }
    }
}
