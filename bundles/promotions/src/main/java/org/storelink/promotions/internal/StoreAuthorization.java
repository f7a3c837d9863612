package org.storelink.promotions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP Basic of a store: user = the store id, password = the store's secret. Both are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, always both, so neither a wrong user nor the secret's length shows in the time
 * taken.
 */
final class StoreAuthorization {
    static final String CHALLENGE = "Basic realm=\"storelink\", charset=\"UTF-8\"";

    private StoreAuthorization() {
    }

    /** Why the header does not authorise the store, or null when it does. */
    static String refusal(String header, String storeId, byte[] secret) {
        if (header == null || header.isBlank()) {
            return "Authorization header is missing; use HTTP Basic with the store id and the store's secret";
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return "Authorization must be Basic followed by base64 of storeId:secret";
        }
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return "Authorization must be Basic followed by base64 of storeId:secret";
        }
        try {
            int colon = -1;
            for (int i = 0; i < credentials.length && colon < 0; i++) {
                if (credentials[i] == ':') {
                    colon = i;
                }
            }
            if (colon < 0) {
                return "Authorization must be Basic followed by base64 of storeId:secret";
            }
            boolean user = MessageDigest.isEqual(digest(Arrays.copyOfRange(credentials, 0, colon)),
                    digest(storeId.getBytes(StandardCharsets.UTF_8)));
            byte[] password = Arrays.copyOfRange(credentials, colon + 1, credentials.length);
            boolean secretMatches = MessageDigest.isEqual(digest(password), digest(secret));
            Arrays.fill(password, (byte) 0);
            if (!user) {
                return "the user must be the store id of the path";
            }
            return secretMatches ? null : "the password does not match the store's secret";
        } finally {
            Arrays.fill(credentials, (byte) 0);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
