package org.storelink.payments.internal;

/** Untrusted text, clipped before it appears in a message or a log line. */
final class Texts {
    private static final int MAX_ECHO = 40;

    private Texts() {
    }

    static String clip(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder();
        raw.codePoints().limit(MAX_ECHO).forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return raw.codePointCount(0, raw.length()) <= MAX_ECHO ? safe.toString() : safe + "…";
    }

    /** Whether the text is 1 to {@code max} printable characters: no control characters, no NUL. */
    static boolean sane(String text, int max) {
        return text != null && !text.isEmpty() && text.length() <= max
                && text.codePoints().noneMatch(Character::isISOControl);
    }
}
