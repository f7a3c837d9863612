package org.storelink.insights.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP Basic credentials of a store: the user is the store id, the password the store's secret. The secret is
 * compared in constant time: both sides are hashed first, so not even the secret's length shows in the timing.
 */
final class StoreCredentials {
    static final String CHALLENGE = "Basic realm=\"storelink\", charset=\"UTF-8\"";

    enum Check {
        VALID("valid"),
        MISSING("Authorization header is missing; use HTTP Basic with the store id and the store's secret"),
        MALFORMED("Authorization must be Basic followed by base64 of storeId:secret"),
        WRONG_USER("the user must be the store id of the path"),
        MISMATCH("the password does not match the store's secret");

        private final String reason;

        Check(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private StoreCredentials() {
    }

    static Check check(String authorization, String storeId, byte[] secret) {
        if (authorization == null || authorization.isBlank()) {
            return Check.MISSING;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return Check.MALFORMED;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Check.MALFORMED;
        }
        try {
            int colon = indexOf(decoded, (byte) ':');
            if (colon < 0) {
                return Check.MALFORMED;
            }
            byte[] user = Arrays.copyOfRange(decoded, 0, colon);
            byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                // Both compared, always, so that a wrong user takes as long as a wrong password.
                boolean userMatches = constantTimeEquals(user, storeId.getBytes(StandardCharsets.UTF_8));
                boolean passwordMatches = constantTimeEquals(password, secret);
                if (!userMatches) {
                    return Check.WRONG_USER;
                }
                return passwordMatches ? Check.VALID : Check.MISMATCH;
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    static boolean constantTimeEquals(byte[] given, byte[] expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
