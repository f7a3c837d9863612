package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.model.PaymentStatus;
import org.storelink.model.json.Json;

/** The real Alipay and WeChat Pay samples in {@code ../shared/data/payments}; skipped when they are absent. */
class SampleConformanceTest {
    private static final String ALIPAY_NOTIFY = "alipay_trade_status_sync_notify.json";
    private static final String ALIPAY_KEY = "alipay_notify_verify_public_key.pem";
    private static final String WECHAT_HEADERS = "wechatpay_v3_notify_headers_and_key_wechatpay-go.json";
    private static final String WECHAT_BODY = "wechatpay_v3_notify_body_payscore_wechatpay-go.json";
    private static final String WECHAT_CERT = "wechatpay_v3_notify_test_platform_cert_wechatpay-go.pem";
    private static final String WECHAT_RESOURCE = "wechatpay_v3_notification_resource_wechatpay-java.json";

    private static Map<String, String> alipaySample() throws Exception {
        return Json.mapper().readValue(Files.readAllBytes(SharedData.require(ALIPAY_NOTIFY)),
                new TypeReference<LinkedHashMap<String, String>>() { });
    }

    @Test
    void theRealAlipayNotificationVerifiesWithItsPublicKey() throws Exception {
        Map<String, String> params = alipaySample();
        String pem = Files.readString(SharedData.require(ALIPAY_KEY));

        assertThat(AlipaySigning.verify(params, params.get("sign"), Keys.rsaPublicKey(pem), StandardCharsets.UTF_8))
                .isTrue();
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("total_amount", "1.10");
        assertThat(AlipaySigning.verify(tampered, params.get("sign"), Keys.rsaPublicKey(pem),
                StandardCharsets.UTF_8)).isFalse();
    }

    @Test
    void theRealAlipayNotificationPostedAsAFormIsPublished() throws Exception {
        Map<String, String> params = alipaySample();
        Path keyFile = SharedData.require(ALIPAY_KEY);
        try (Harness harness = new Harness(Clock.fixed(Instant.parse("2019-08-15T07:56:30Z"), ZoneOffset.UTC))) {
            harness.accounts.add(AlipayApp.parse(params.get("app_id"), "", keyFile.toString(),
                    new String[] {params.get("seller_id") + "=" + Harness.SHANGHAI_STORE}, "Asia/Shanghai", ""));
            byte[] body = params.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);

            Exchange result = harness.alipay(body);

            assertThat(Harness.text(result)).isEqualTo("success");
            Payment payment = harness.events().get(0).payment();
            assertThat(harness.events().get(0).eventId()).isEqualTo("alipay:" + params.get("notify_id"));
            assertThat(payment.paymentId()).isEqualTo("alipay:" + params.get("trade_no"));
            assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(payment.amount()).isEqualTo(10);
            assertThat(payment.occurredAt()).isEqualTo(OffsetDateTime.parse("2019-08-15T15:56:24+08:00"));
            assertThat(payment.payerRef()).doesNotContain(params.get("buyer_id"));
        }
    }

    @Test
    void theRealWechatHeaderSignatureVerifiesWithTheCertificateItsSerialNames() throws Exception {
        JsonNode headers = Json.mapper().readTree(Files.readAllBytes(SharedData.require(WECHAT_HEADERS)))
                .path("headers");
        byte[] body = Files.readAllBytes(SharedData.require(WECHAT_BODY));
        X509Certificate certificate = Keys.certificates(Files.readString(SharedData.require(WECHAT_CERT))).get(0);

        assertThat(Keys.parseSerial(headers.path("Wechatpay-Serial").asText()))
                .isEqualTo(certificate.getSerialNumber());
        assertThat(Keys.parseSerial(headers.path("Wechatpay-Serial").asText().toLowerCase()))
                .isEqualTo(certificate.getSerialNumber());
        assertThat(WechatSignature.verify(certificate.getPublicKey(), headers.path("Wechatpay-Timestamp").asText(),
                headers.path("Wechatpay-Nonce").asText(), body, headers.path("Wechatpay-Signature").asText()))
                .isTrue();
        body[body.length - 3] ^= 1;
        assertThat(WechatSignature.verify(certificate.getPublicKey(), headers.path("Wechatpay-Timestamp").asText(),
                headers.path("Wechatpay-Nonce").asText(), body, headers.path("Wechatpay-Signature").asText()))
                .isFalse();
    }

    @Test
    void theRealWechatResourcesDecryptWithTheTestKey() throws Exception {
        JsonNode sample = Json.mapper().readTree(Files.readAllBytes(SharedData.require(WECHAT_HEADERS)));
        byte[] key = sample.path("mch_apiv3_key").asText().getBytes(StandardCharsets.UTF_8);
        for (String file : new String[] {WECHAT_BODY, WECHAT_RESOURCE}) {
            JsonNode resource = Json.mapper().readTree(Files.readAllBytes(SharedData.require(file))).path("resource");

            String plaintext = WechatResource.decrypt(key, resource.path("ciphertext").asText(),
                    resource.path("nonce").asText(), resource.path("associated_data").asText());

            assertThat(Json.mapper().readTree(plaintext))
                    .isEqualTo(Json.mapper().readTree(sample.path("expected_plaintext").asText()));
        }
    }

    @Test
    void theRealWechatNotificationPassesTheRouteAtItsOwnTimeAndIsAcknowledged() throws Exception {
        JsonNode sample = Json.mapper().readTree(Files.readAllBytes(SharedData.require(WECHAT_HEADERS)));
        JsonNode headers = sample.path("headers");
        byte[] body = Files.readAllBytes(SharedData.require(WECHAT_BODY));
        Path certificate = SharedData.require(WECHAT_CERT);
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(headers.path("Wechatpay-Timestamp").asText()));
        WechatMerchant merchant = WechatMerchant.from(wechatConfig("1234567890",
                sample.path("mch_apiv3_key").asText(), certificate.toString(), "1234567890=" + Harness.SHANGHAI_STORE));
        assertThat(merchant.platformKey(new BigInteger("D7CE59D1F522D701", 16))).isPresent();
        WechatNotifications.Request request = new WechatNotifications.Request(
                headers.path("Wechatpay-Serial").asText(), headers.path("Wechatpay-Signature").asText(),
                headers.path("Wechatpay-Timestamp").asText(), headers.path("Wechatpay-Nonce").asText(), body);

        try (Harness harness = new Harness(Clock.fixed(signedAt.plusSeconds(10), ZoneOffset.UTC))) {
            harness.accounts.add(merchant);
            Exchange result = harness.wechat(request);

            // A pay-score contract is not a payment: verified, decrypted, acknowledged, nothing published.
            assertThat(Harness.answer(result).status()).as(Harness.text(result)).isEqualTo(204);
            assertThat(harness.published().getReceivedCounter()).isZero();
        }
        try (Harness now = new Harness(Clock.systemUTC())) {
            now.accounts.add(merchant);
            assertThat(Harness.answer(now.wechat(request)).status()).isEqualTo(401);
        }
    }

    static WechatConfig wechatConfig(String mchId, String key, String certificates, String merchants) {
        return new WechatConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WechatConfig.class;
            }

            @Override
            public String mch_id() {
                return mchId;
            }

            @Override
            public String api_v3_key() {
                return key;
            }

            @Override
            public String[] platform_certificates() {
                return new String[] {certificates};
            }

            @Override
            public String[] merchants() {
                return new String[] {merchants};
            }

            @Override
            public int max_skew_seconds() {
                return 300;
            }
        };
    }
}
