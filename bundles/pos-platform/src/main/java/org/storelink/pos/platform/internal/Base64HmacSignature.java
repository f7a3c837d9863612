package org.storelink.pos.platform.internal;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A header holding the base64 HMAC-SHA256 of what the platform signed: the raw body for Shopify, the notification
 * URL followed by the raw body for Square. The header is decoded and the two digests are compared with
 * {@link MessageDigest#isEqual}, which takes the same time wherever they differ.
 */
final class Base64HmacSignature {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 32;

    enum Check {
        VALID("valid"),
        MISSING("header is missing"),
        MALFORMED("must be the base64 of a 32-byte HMAC-SHA256"),
        MISMATCH("does not match the body signed with the configured secret");

        private final String reason;

        Check(String reason) {
            this.reason = reason;
        }

        /** The reason, naming the header. */
        String reason(String header) {
            return header + ": " + reason;
        }
    }

    private Base64HmacSignature() {
    }

    /** The header value the platform sends for {@code signed}, the concatenated parts. */
    static String sign(byte[] key, byte[]... signed) {
        return Base64.getEncoder().encodeToString(hmac(key, signed));
    }

    static Check check(String header, byte[] key, byte[]... signed) {
        if (header == null || header.isBlank()) {
            return Check.MISSING;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Check.MALFORMED;
        }
        if (given.length != DIGEST_BYTES) {
            return Check.MALFORMED;
        }
        return MessageDigest.isEqual(hmac(key, signed), given) ? Check.VALID : Check.MISMATCH;
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
