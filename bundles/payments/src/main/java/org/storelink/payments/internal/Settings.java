package org.storelink.payments.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers for list settings, which a {@code .cfg} file gives as one comma-separated string. */
final class Settings {
    private Settings() {
    }

    static List<String> entries(String[] values) {
        List<String> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value != null) {
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(entries::add);
            }
        }
        return entries;
    }

    /** {@code key=value} split at the first '=', both sides stripped and non-empty; else null. */
    static String[] split(String entry) {
        int at = entry.indexOf('=');
        if (at < 0) {
            return null;
        }
        String key = entry.substring(0, at).strip();
        String value = entry.substring(at + 1).strip();
        return key.isEmpty() || value.isEmpty() ? null : new String[] {key, value};
    }
}
