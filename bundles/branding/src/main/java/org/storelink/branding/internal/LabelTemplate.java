package org.storelink.branding.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a shelf label is laid out. */
public enum LabelTemplate {
    /** A coloured band with the logo and the badge across the top, the name below it. */
    STANDARD,
    /** A coloured stripe down the left edge, the badge beside the price; more room for long names. */
    COMPACT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices() {
        return Arrays.stream(values()).map(LabelTemplate::label).collect(Collectors.joining(", "));
    }
}
