package org.storelink.partners.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Generated partner passwords: 192 random bits, URL-safe Base64 (no commas, no quoting needed anywhere). */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
