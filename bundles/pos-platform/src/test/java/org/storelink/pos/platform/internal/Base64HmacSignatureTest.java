package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.TestSupport.hmacBase64;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.storelink.pos.platform.internal.Base64HmacSignature.Check;

class Base64HmacSignatureTest {
    private static final String SECRET = "shopify-app-secret-0123456789";
    private static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"id\":5234567890123456789,\"total_price\":\"7.00\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String URL = "https://storelink.example.com/storelink/api/v1/webhooks/square";
    private static final byte[] URL_BYTES = URL.getBytes(StandardCharsets.UTF_8);

    @Test
    void knownHmacSha256VectorInBase64() {
        byte[] key = "key".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base64HmacSignature.sign(key, message)).isEqualTo("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
        assertThat(Base64HmacSignature.check("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", key, message))
                .isEqualTo(Check.VALID);
    }

    @Test
    void shopifyStyleSignatureOverTheRawBodyIsValid() {
        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, BODY), KEY, BODY)).isEqualTo(Check.VALID);
    }

    @Test
    void squareStyleSignatureOverUrlThenBodyIsValid() {
        // Computed by openssl: printf '%s%s' https://example.com/hook '{"a":1}' | openssl dgst -sha256 -hmac ...
        byte[] key = "square-signature-key-0123".getBytes(StandardCharsets.UTF_8);
        byte[] url = "https://example.com/hook".getBytes(StandardCharsets.UTF_8);
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(Base64HmacSignature.check("ErevBazbE6ersnrRiH8LmP+jmTwBBj/iisIFzGx0+gM=", key, url, body))
                .isEqualTo(Check.VALID);
    }

    @Test
    void squareSignatureOfTheBodyAloneIsMismatch() {
        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, BODY), KEY, URL_BYTES, BODY))
                .isEqualTo(Check.MISMATCH);
    }

    @Test
    void squareSignatureForAnotherNotificationUrlIsMismatch() {
        byte[] otherUrl = "https://storelink.example.com/other".getBytes(StandardCharsets.UTF_8);

        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, otherUrl, BODY), KEY, URL_BYTES, BODY))
                .isEqualTo(Check.MISMATCH);
    }

    @Test
    void oneFlippedBodyByteIsMismatchForBothStyles() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length / 2] ^= 0x01;

        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, BODY), KEY, tampered)).isEqualTo(Check.MISMATCH);
        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, URL_BYTES, BODY), KEY, URL_BYTES, tampered))
                .isEqualTo(Check.MISMATCH);
    }

    @Test
    void appendedWhitespaceInTheBodyIsMismatch() {
        byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(Base64HmacSignature.check(hmacBase64(SECRET, BODY), KEY, longer)).isEqualTo(Check.MISMATCH);
    }

    @Test
    void anotherSecretIsMismatch() {
        assertThat(Base64HmacSignature.check(hmacBase64("another-secret-0123456789", BODY), KEY, BODY))
                .isEqualTo(Check.MISMATCH);
    }

    @Test
    void surroundingWhitespaceInTheHeaderIsTolerated() {
        assertThat(Base64HmacSignature.check("  " + hmacBase64(SECRET, BODY) + "\t", KEY, BODY))
                .isEqualTo(Check.VALID);
    }

    @Test
    void hexInsteadOfBase64IsMalformed() {
        String hex = java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(hmacBase64(SECRET, BODY)));

        assertThat(Base64HmacSignature.check(hex, KEY, BODY)).isEqualTo(Check.MALFORMED);
    }

    @Test
    void base64OfTheWrongLengthIsMalformed() {
        String truncated = Base64.getEncoder().encodeToString(new byte[31]);

        assertThat(Base64HmacSignature.check(truncated, KEY, BODY)).isEqualTo(Check.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "sha256=abc", "%%%%"})
    void nonBase64IsMalformed(String header) {
        assertThat(Base64HmacSignature.check(header, KEY, BODY)).isEqualTo(Check.MALFORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void absentOrBlankHeaderIsMissing(String header) {
        assertThat(Base64HmacSignature.check(header, KEY, BODY)).isEqualTo(Check.MISSING);
    }

    @Test
    void reasonsNameTheHeader() {
        for (Check check : Check.values()) {
            assertThat(check.reason("X-Shopify-Hmac-Sha256")).startsWith("X-Shopify-Hmac-Sha256: ");
        }
    }
}
