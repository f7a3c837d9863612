package org.storelink.pos.platform.internal;

import java.util.Optional;

/** Untrusted text: clipped before it is echoed, and checked before it is copied into a canonical sale. */
final class Texts {
    private static final int MAX_ECHO = 40;

    private Texts() {
    }

    /** The text as it may appear in a message: at most 40 characters, then an ellipsis. */
    static String clip(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }

    /** At most {@code max} characters, for labels (a product name) that a column limits; null stays null. */
    static String truncate(String raw, int max) {
        if (raw == null || raw.length() <= max) {
            return raw;
        }
        int end = max;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }

    /**
     * Why the text cannot be stored as it is: a NUL character (PostgreSQL refuses it in text) or half of a UTF-16
     * surrogate pair (it has no UTF-8 form; a JDBC driver would silently store '?'). Empty when it can.
     */
    static Optional<String> unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired UTF-16 surrogate at character " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate at character " + i);
            }
        }
        return Optional.empty();
    }
}
