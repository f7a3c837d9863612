package org.storelink.branding.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The storefront sign's shape and layout; sizes in mm. */
public enum SignTemplate {
    /** A wide fascia above the door: logo left, store name right. */
    BANNER(1000, 300),
    /** A standing board: logo on top, the name under it. */
    BOARD(600, 800);

    private final double widthMm;
    private final double heightMm;

    SignTemplate(double widthMm, double heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices() {
        return Arrays.stream(values()).map(SignTemplate::label).collect(Collectors.joining(", "));
    }
}
