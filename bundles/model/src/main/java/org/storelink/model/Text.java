package org.storelink.model;

/** Helpers for putting untrusted input into messages without letting it run on. */
final class Text {

    private static final int MAX_ECHO = 40;

    private Text() {
    }

    static String clip(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }
}
