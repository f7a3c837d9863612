package org.storelink.ingest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the settings every feed configuration shares. */
final class FeedSettings {

    private FeedSettings() {
    }

    static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": is required");
        }
        return value.strip();
    }

    /**
     * {@code key=value} pairs. A {@code .cfg} file gives a list as one comma-separated string, so each element is
     * also split at commas that start a new {@code key=} (a value may itself contain a comma, e.g. a delimiter).
     */
    static Map<String, String> options(String[] elements) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : Arrays.stream(elements)
                .flatMap(e -> Arrays.stream(e.split(",(?=\\s*[A-Za-z0-9_.\\-]+=)")))
                .filter(e -> !e.isBlank()).toList()) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("options: \"" + pair + "\" is not key=value");
            }
            options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return options;
    }
}
