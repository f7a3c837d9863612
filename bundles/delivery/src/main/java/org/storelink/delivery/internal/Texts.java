package org.storelink.delivery.internal;

/** Untrusted text echoed in messages is clipped, so it cannot run on. */
final class Texts {
    private static final int MAX_ECHO = 64;

    private Texts() {
    }

    static String clip(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
