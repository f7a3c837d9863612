package org.storelink.pos.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final byte[] SECRET = "store-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = ("{\"posId\":\"till-1\",\"receiptNo\":\"000123\","
            + "\"occurredAt\":\"2026-11-26T09:15:30+08:00\",\"currency\":\"CNY\",\"lines\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    /** Computed here with the JDK only, so the test does not trust the code under test to sign. */
    private static String hex(byte[] secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void independentlyComputedSignatureIsValid() throws Exception {
        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=" + hex(SECRET, BODY)))
                .isEqualTo(WebhookSignature.Check.VALID);
    }

    @Test
    void signatureWithSurroundingWhitespaceIsValid() throws Exception {
        assertThat(WebhookSignature.check(SECRET, BODY, "  sha256=" + hex(SECRET, BODY) + " \t"))
                .isEqualTo(WebhookSignature.Check.VALID);
    }

    @Test
    void oneFlippedBodyByteIsMismatch() throws Exception {
        String header = "sha256=" + hex(SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length / 2] ^= 0x01;

        assertThat(WebhookSignature.check(SECRET, tampered, header)).isEqualTo(WebhookSignature.Check.MISMATCH);
    }

    @Test
    void signatureMadeWithAnotherSecretIsMismatch() throws Exception {
        byte[] otherSecret = "another-store-secret".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=" + hex(otherSecret, BODY)))
                .isEqualTo(WebhookSignature.Check.MISMATCH);
    }

    @Test
    void uppercaseHexIsMalformed() throws Exception {
        String upper = "sha256=" + hex(SECRET, BODY).toUpperCase(java.util.Locale.ROOT);

        assertThat(WebhookSignature.check(SECRET, BODY, upper)).isEqualTo(WebhookSignature.Check.MALFORMED);
    }

    @Test
    void missingPrefixIsMalformed() throws Exception {
        assertThat(WebhookSignature.check(SECRET, BODY, hex(SECRET, BODY)))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
    }

    @Test
    void otherAlgorithmPrefixIsMalformed() throws Exception {
        assertThat(WebhookSignature.check(SECRET, BODY, "sha1=" + hex(SECRET, BODY)))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
    }

    @Test
    void tooShortOrTooLongHexIsMalformed() throws Exception {
        String hex = hex(SECRET, BODY);

        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=" + hex.substring(0, 63)))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=" + hex + "0"))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, BODY, "sha256="))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
    }

    @Test
    void nonHexCharacterIsMalformed() throws Exception {
        String hex = hex(SECRET, BODY);
        String withG = hex.substring(0, 10) + "g" + hex.substring(11);

        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=" + withG))
                .isEqualTo(WebhookSignature.Check.MALFORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void nullOrBlankHeaderIsMissing(String header) {
        assertThat(WebhookSignature.check(SECRET, BODY, header)).isEqualTo(WebhookSignature.Check.MISSING);
    }

    @Test
    void signMatchesTheKnownHmacSha256TestVector() {
        byte[] key = "key".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

        assertThat(WebhookSignature.sign(key, message))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void signAgreesWithTheIndependentComputationAndPassesCheck() throws Exception {
        String signed = WebhookSignature.sign(SECRET, BODY);

        assertThat(signed).isEqualTo("sha256=" + hex(SECRET, BODY));
        assertThat(WebhookSignature.check(SECRET, BODY, signed)).isEqualTo(WebhookSignature.Check.VALID);
    }

    @Test
    void everyRefusalHasAReasonNamingTheHeader() {
        for (WebhookSignature.Check check : WebhookSignature.Check.values()) {
            if (check != WebhookSignature.Check.VALID) {
                assertThat(check.reason()).as(check.name()).contains(WebhookSignature.HEADER);
            }
        }
    }
}
