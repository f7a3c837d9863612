package org.storelink.delivery.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP Basic for a store: user = the store id of the path, password = the store's secret. Both are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual}, so neither the secret's bytes nor its length show in timing.
 */
final class StoreAuth {
    static final String CHALLENGE = "Basic realm=\"storelink\", charset=\"UTF-8\"";
    private static final String SCHEME = "basic ";

    private StoreAuth() {
    }

    /** @return null when the credentials are the store's, else the reason for the 401 */
    static String refusal(String authorization, String storeId, byte[] secret) {
        if (authorization == null || authorization.isBlank()) {
            return "Authorization is missing: use HTTP Basic with the store id and the store's secret";
        }
        String value = authorization.strip();
        if (value.length() <= SCHEME.length() || !value.substring(0, SCHEME.length()).equalsIgnoreCase(SCHEME)) {
            return "Authorization must be HTTP Basic";
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            return "Authorization is not valid base64";
        }
        try {
            int colon = -1;
            for (int i = 0; i < decoded.length && colon < 0; i++) {
                if (decoded[i] == ':') {
                    colon = i;
                }
            }
            if (colon < 0 || !utf8(decoded)) {
                return "Authorization must be base64 of storeId:secret in UTF-8";
            }
            byte[] user = Arrays.copyOfRange(decoded, 0, colon);
            byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                boolean userOk = sameDigest(user, storeId.getBytes(StandardCharsets.UTF_8));
                boolean passwordOk = sameDigest(password, secret);
                return userOk && passwordOk ? null : "the store id and secret do not match";
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean sameDigest(byte[] given, byte[] expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given);
            byte[] b = sha.digest(expected);
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
