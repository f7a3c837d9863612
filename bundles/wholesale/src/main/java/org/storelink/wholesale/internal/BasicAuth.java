package org.storelink.wholesale.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP Basic for a store: the user must be the store id of the path, the password the store's secret. Both are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither content nor length shows in timing.
 */
final class BasicAuth {
    static final String CHALLENGE = "Basic realm=\"storelink\", charset=\"UTF-8\"";

    private BasicAuth() {
    }

    /** Null when the credentials are the store's; otherwise why not. */
    static String refusal(String header, String storeId, byte[] secret) {
        if (header == null || header.isBlank()) {
            return "Authorization header is missing; use HTTP Basic with the store id and the store's secret";
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return "Authorization must be Basic followed by base64 of storeId:secret";
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return "Authorization must be Basic followed by base64 of storeId:secret";
        }
        int colon = -1;
        for (int i = 0; i < decoded.length && colon < 0; i++) {
            if (decoded[i] == ':') {
                colon = i;
            }
        }
        if (colon < 0) {
            Arrays.fill(decoded, (byte) 0);
            return "Authorization must be Basic followed by base64 of storeId:secret";
        }
        byte[] user = Arrays.copyOfRange(decoded, 0, colon);
        byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
        Arrays.fill(decoded, (byte) 0);
        boolean userOk = MessageDigest.isEqual(digest(user), digest(storeId.getBytes(StandardCharsets.UTF_8)));
        boolean passwordOk = MessageDigest.isEqual(digest(password), digest(secret));
        Arrays.fill(password, (byte) 0);
        if (!userOk) {
            return "the user must be the store id of the path";
        }
        return passwordOk ? null : "the password does not match the store's secret";
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
