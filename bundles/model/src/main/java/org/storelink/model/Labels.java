package org.storelink.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Shared parsing for enums whose JSON form is their lowercase name. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> E parseIgnoringCase(Class<E> type, String label, String what) {
        if (label != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(label)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " \"" + Text.clip(label)
                + "\"; expected one of " + lowercaseNames(type));
    }

    static String lowercaseNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
