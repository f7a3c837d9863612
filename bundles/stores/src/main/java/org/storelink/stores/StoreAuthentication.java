package org.storelink.stores;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication of a store: the user is the store id (of the request's path), the password the store's
 * secret from the {@link StoreRegistry}. User and secret are always both compared, as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither a wrong user, the secret's bytes nor its length show in the time taken.
 *
 * <p>Knows nothing of servlets: give it the {@code Authorization} header's value; on anything but
 * {@link Result#AUTHENTICATED} answer 404 for {@link Result#UNKNOWN_STORE}, else 401 with
 * {@code WWW-Authenticate: }{@link #CHALLENGE} and the result's {@link Result#reason() reason}.
 */
public final class StoreAuthentication {

    /** The {@code WWW-Authenticate} value of a 401. */
    public static final String CHALLENGE = "Basic realm=\"storelink\", charset=\"UTF-8\"";

    private static final String MALFORMED = "Authorization must be Basic followed by base64 of storeId:secret";

    /** What the {@code Authorization} header proved; each refusal with a reason fit for the 401's detail. */
    public enum Result {
        AUTHENTICATED("authenticated"),
        /** The registry has no secret for the store: not a 401 but a 404. */
        UNKNOWN_STORE("no store with this id is registered"),
        MISSING("Authorization header is missing; use HTTP Basic with the store id and the store's secret"),
        /** Not {@code Basic} followed by credentials. */
        NOT_BASIC(MALFORMED),
        /** The credentials are not base64. */
        NOT_BASE64(MALFORMED),
        /** The decoded credentials are not {@code user:password} in UTF-8. */
        NOT_USER_AND_PASSWORD(MALFORMED),
        WRONG_USER("the user must be the store id of the path"),
        WRONG_SECRET("the password does not match the store's secret");

        private final String reason;

        Result(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        public boolean authenticated() {
            return this == AUTHENTICATED;
        }
    }

    private final StoreRegistry stores;

    public StoreAuthentication(StoreRegistry stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** Whether {@code authorization} (the header's value, {@code null} when absent) authenticates the store. */
    public Result check(String authorization, String storeId) {
        Optional<byte[]> secret = stores.secret(storeId);
        if (secret.isEmpty()) {
            return Result.UNKNOWN_STORE;
        }
        return check(authorization, storeId, secret.get());
    }

    /** Whether {@code authorization} carries the user {@code storeId} with the password {@code secret}. */
    public static Result check(String authorization, String storeId, byte[] secret) {
        if (authorization == null || authorization.isBlank()) {
            return Result.MISSING;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return Result.NOT_BASIC;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Result.NOT_BASE64;
        }
        try {
            int colon = indexOf(decoded, (byte) ':');
            if (colon < 0 || !utf8(decoded)) {
                return Result.NOT_USER_AND_PASSWORD;
            }
            byte[] user = Arrays.copyOfRange(decoded, 0, colon);
            byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                // Both compared, always, so that a wrong user takes as long as a wrong password.
                boolean userMatches = sameDigest(user, storeId.getBytes(StandardCharsets.UTF_8));
                boolean passwordMatches = sameDigest(password, secret);
                if (!userMatches) {
                    return Result.WRONG_USER;
                }
                return passwordMatches ? Result.AUTHENTICATED : Result.WRONG_SECRET;
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static boolean sameDigest(byte[] given, byte[] expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
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

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
