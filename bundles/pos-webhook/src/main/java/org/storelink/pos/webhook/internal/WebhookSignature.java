package org.storelink.pos.webhook.internal;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Storelink-Signature: sha256=<lowercase hex HMAC-SHA256 of the raw body with the store's secret>}.
 * The comparison takes the same time wherever the first differing byte is.
 */
final class WebhookSignature {
    static final String HEADER = "X-Storelink-Signature";
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    enum Check {
        VALID("valid"),
        MISSING(HEADER + " header is missing"),
        MALFORMED(HEADER + " must be sha256= followed by 64 lowercase hex digits"),
        MISMATCH(HEADER + " does not match the body signed with the store's secret");

        private final String reason;

        Check(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private WebhookSignature() {
    }

    static String sign(byte[] secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    static Check check(byte[] secret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Check.MISSING;
        }
        String value = header.strip();
        if (!value.startsWith(PREFIX) || value.length() != PREFIX.length() + HEX_LENGTH
                || !value.substring(PREFIX.length()).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Check.MALFORMED;
        }
        byte[] given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        return MessageDigest.isEqual(hmac(secret, body), given) ? Check.VALID : Check.MISMATCH;
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
