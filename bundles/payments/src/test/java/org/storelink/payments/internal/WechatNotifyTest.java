package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentStatus;
import org.storelink.model.json.Json;

/** Golden WeChat Pay v3 notifications signed and encrypted here, sent through the route with H2 behind it. */
class WechatNotifyTest {
    static final String MCH_ID = "1900000001";
    static final String SUB_MCH_ID = "1900000109";
    static final BigInteger SERIAL = new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16);
    static final String API_V3_KEY = "0123456789abcdefghijklmnopqrstuv";
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private static final Instant NOW = Instant.parse("2026-11-26T01:16:00Z");

    private static KeyPair platformKeys;
    private Harness harness;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        platformKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(Clock.fixed(NOW, ZoneOffset.UTC));
        harness.accounts.add(WechatMerchant.parse(MCH_ID, API_V3_KEY, Map.of(SERIAL, platformKeys.getPublic()),
                new String[] {MCH_ID + "=" + Harness.SHANGHAI_STORE + "," + SUB_MCH_ID + "=" + Harness.OTHER_STORE},
                300, List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    static ObjectNode transaction(String transactionId, long total, String state) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("mchid", MCH_ID).put("appid", "wxd678efh567hg6787").put("out_trade_no", "sh-campus-001-000777")
                .put("transaction_id", transactionId).put("trade_type", "NATIVE").put("trade_state", state)
                .put("trade_state_desc", "支付成功").put("bank_type", "CMC").put("attach", "")
                .put("success_time", "2026-11-26T09:15:30+08:00");
        t.putObject("payer").put("openid", OPENID);
        t.putObject("amount").put("total", total).put("payer_total", total).put("currency", "CNY")
                .put("payer_currency", "CNY");
        return t;
    }

    static ObjectNode refund(String transactionId, String refundId, long total, long refund) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("mchid", MCH_ID).put("out_trade_no", "sh-campus-001-000777").put("transaction_id", transactionId)
                .put("out_refund_no", "r-" + refundId).put("refund_id", refundId).put("refund_status", "SUCCESS")
                .put("success_time", "2026-11-26T10:00:00+08:00").put("user_received_account", "招商银行信用卡0403");
        r.putObject("amount").put("total", total).put("refund", refund).put("payer_total", total)
                .put("payer_refund", refund);
        return r;
    }

    /** The envelope WeChat Pay posts, with the resource encrypted under the API v3 key. */
    static byte[] envelope(String id, String eventType, JsonNode resource, String key) throws Exception {
        String nonce = UUID.randomUUID().toString().substring(0, 12);
        String associatedData = eventType.startsWith("REFUND.") ? "refund" : "transaction";
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(Json.write(resource)));
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("id", id).put("create_time", "2026-11-26T09:15:31+08:00").put("resource_type",
                "encrypt-resource").put("event_type", eventType).put("summary", "支付成功");
        envelope.putObject("resource").put("original_type", associatedData).put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", ciphertext).put("associated_data", associatedData).put("nonce", nonce);
        return Json.write(envelope);
    }

    static WechatNotifications.Request signedRequest(byte[] body, Instant at) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String nonce = new BigInteger(1, random).toString(16).toUpperCase();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(platformKeys.getPrivate());
        signer.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        signer.update((byte) '\n');
        return new WechatNotifications.Request(SERIAL.toString(16).toLowerCase(),
                Base64.getEncoder().encodeToString(signer.sign()), timestamp, nonce, body);
    }

    private Exchange post(byte[] body) throws Exception {
        return harness.wechat(signedRequest(body, NOW.minusSeconds(2)));
    }

    private static void assertSuccess(Exchange result) {
        assertThat(Harness.answer(result).status()).as(Harness.text(result)).isEqualTo(204);
        assertThat(Harness.answer(result).body()).isEmpty();
    }

    private static JsonNode assertFailure(Exchange result, int status) throws Exception {
        assertThat(Harness.answer(result).status()).isEqualTo(status);
        assertThat(Harness.answer(result).contentType()).isEqualTo("application/json");
        JsonNode body = Json.mapper().readTree(Harness.answer(result).body());
        assertThat(body.path("code").asText()).isEqualTo("FAIL");
        assertThat(body.path("message").asText()).isNotBlank();
        return body;
    }

    @Test
    void aGoldenTransactionNotificationIsPublishedThenAnswered204() throws Exception {
        Exchange result = post(envelope("EV-1", "TRANSACTION.SUCCESS",
                transaction("4200000000202611260001", 700, "SUCCESS"), API_V3_KEY));

        assertSuccess(result);
        assertThat(harness.published().getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getHeaders()).containsOnlyKeys("_AMQ_DUPL_ID")
                        .containsEntry("_AMQ_DUPL_ID", "wechat:EV-1"));
        Payment payment = harness.events().get(0).payment();
        assertThat(harness.events().get(0).source()).isEqualTo("payments-wechat");
        assertThat(payment.paymentId()).isEqualTo("wechat:4200000000202611260001");
        assertThat(payment.provider()).isEqualTo(PaymentProvider.WECHAT);
        assertThat(payment.storeId()).isEqualTo(Harness.SHANGHAI_STORE);
        assertThat(payment.merchantOrderNo()).isEqualTo("sh-campus-001-000777");
        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.amount()).isEqualTo(700);
        assertThat(payment.currency()).isEqualTo("CNY");
        assertThat(payment.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(payment.payerRef()).startsWith("wechat:")
                .isEqualTo(harness.pseudonyms.payerRef(PaymentProvider.WECHAT, OPENID))
                .isNotEqualTo(harness.pseudonyms.payerRef(PaymentProvider.ALIPAY, OPENID));
        assertThat(harness.dump()).doesNotContain(OPENID);
    }

    @Test
    void aSubMerchantMapsToItsOwnStore() throws Exception {
        ObjectNode t = transaction("4200000000202611260002", 1250, "SUCCESS");
        t.remove("mchid");
        t.put("sp_mchid", MCH_ID).put("sub_mchid", SUB_MCH_ID);

        assertSuccess(post(envelope("EV-2", "TRANSACTION.SUCCESS", t, API_V3_KEY)));

        assertThat(harness.events().get(0).payment().storeId()).isEqualTo(Harness.OTHER_STORE);
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        WechatNotifications.Request request = signedRequest(envelope("EV-3", "TRANSACTION.SUCCESS",
                transaction("4200000000202611260003", 700, "SUCCESS"), API_V3_KEY), NOW.minusSeconds(5));

        assertSuccess(harness.wechat(request));
        JsonNode refused = assertFailure(harness.wechat(request), 401);

        assertThat(refused.path("message").asText()).startsWith("Wechatpay-Nonce");
        assertThat(harness.published().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() throws Exception {
        byte[] body = envelope("EV-4", "TRANSACTION.SUCCESS", transaction("4200000000202611260004", 700, "SUCCESS"),
                API_V3_KEY);

        JsonNode stale = assertFailure(harness.wechat(signedRequest(body, NOW.minusSeconds(301))), 401);
        assertFailure(harness.wechat(signedRequest(body, NOW.plusSeconds(301))), 401);

        assertThat(stale.path("message").asText()).startsWith("Wechatpay-Timestamp");
        assertThat(harness.published().getReceivedCounter()).isZero();
        assertSuccess(harness.wechat(signedRequest(body, NOW.minusSeconds(299))));
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        byte[] body = envelope("EV-5", "TRANSACTION.SUCCESS", transaction("4200000000202611260005", 700, "SUCCESS"),
                API_V3_KEY);
        WechatNotifications.Request signed = signedRequest(body, NOW);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("EV-5", "EV-6")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode refused = assertFailure(harness.wechat(new WechatNotifications.Request(signed.serial(),
                signed.signature(), signed.timestamp(), signed.nonce(), tampered)), 401);

        assertThat(refused.path("message").asText()).startsWith("Wechatpay-Signature");
        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void anUnknownCertificateSerialIsRefused() throws Exception {
        WechatNotifications.Request signed = signedRequest(envelope("EV-7", "TRANSACTION.SUCCESS",
                transaction("4200000000202611260007", 700, "SUCCESS"), API_V3_KEY), NOW);

        assertFailure(harness.wechat(new WechatNotifications.Request("7E57", signed.signature(), signed.timestamp(),
                signed.nonce(), signed.body())), 401);
    }

    @Test
    void aResourceEncryptedWithAnotherKeyIsRefused() throws Exception {
        assertFailure(post(envelope("EV-8", "TRANSACTION.SUCCESS",
                transaction("4200000000202611260008", 700, "SUCCESS"), "another-key-of-32-characters-xyz")), 400);

        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void aResentNotificationIdIsAcknowledgedAndPublishedOnce() throws Exception {
        byte[] body = envelope("EV-9", "TRANSACTION.SUCCESS", transaction("4200000000202611260009", 700, "SUCCESS"),
                API_V3_KEY);

        assertSuccess(post(body));
        assertSuccess(post(body));

        assertThat(harness.published().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void partialRefundsAddUpAndAFullRefundCloses() throws Exception {
        String transaction = "4200000000202611260010";
        assertSuccess(post(envelope("EV-10", "TRANSACTION.SUCCESS", transaction(transaction, 1000, "SUCCESS"),
                API_V3_KEY)));
        assertSuccess(post(envelope("EV-11", "REFUND.SUCCESS", refund(transaction, "5030001", 1000, 300),
                API_V3_KEY)));
        assertSuccess(post(envelope("EV-12", "REFUND.SUCCESS", refund(transaction, "5030002", 1000, 700),
                API_V3_KEY)));

        assertThat(harness.events()).extracting(e -> e.payment().status() + " " + e.payment().refunded())
                .containsExactly("PAID 0", "REFUNDED 300", "CLOSED 1000");
        Payment latest = harness.store.payment("wechat:" + transaction).orElseThrow();
        assertThat(latest.status()).isEqualTo(PaymentStatus.CLOSED);
        assertThat(latest.net()).isZero();
        assertThat(latest.occurredAt().toInstant()).isEqualTo(Instant.parse("2026-11-26T01:15:30Z"));
        assertThat(latest.payerRef()).isEqualTo(harness.pseudonyms.payerRef(PaymentProvider.WECHAT, OPENID));
        assertThat(harness.events().get(2).payment().payerRef()).isEqualTo(latest.payerRef());
    }

    @Test
    void refundsBeyondThePaidAmountAreRefused() throws Exception {
        String transaction = "4200000000202611260013";
        assertSuccess(post(envelope("EV-13", "REFUND.SUCCESS", refund(transaction, "5030003", 1000, 800),
                API_V3_KEY)));

        assertFailure(post(envelope("EV-14", "REFUND.SUCCESS", refund(transaction, "5030004", 1000, 300),
                API_V3_KEY)), 409);
        assertFailure(post(envelope("EV-15", "REFUND.SUCCESS", refund(transaction, "5030005", 1200, 100),
                API_V3_KEY)), 409);
    }

    @Test
    void aFailedRefundAndAnUnmappedEventAreAcknowledgedWithoutPublishing() throws Exception {
        ObjectNode abnormal = refund("4200000000202611260016", "5030006", 1000, 100);
        abnormal.put("refund_status", "ABNORMAL");

        assertSuccess(post(envelope("EV-16", "REFUND.ABNORMAL", abnormal, API_V3_KEY)));
        assertSuccess(post(envelope("EV-17", "PAYSCORE.USER_OPEN_SERVICE",
                Json.mapper().createObjectNode().put("mchid", MCH_ID), API_V3_KEY)));

        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void anUnknownMerchantIsRefused() throws Exception {
        ObjectNode t = transaction("4200000000202611260018", 700, "SUCCESS");
        t.put("mchid", "1900009999");

        assertFailure(post(envelope("EV-18", "TRANSACTION.SUCCESS", t, API_V3_KEY)), 403);
    }

    @Test
    void aFractionalAmountIsRefusedNamingTheField() throws Exception {
        ObjectNode t = transaction("4200000000202611260019", 700, "SUCCESS");
        ((ObjectNode) t.path("amount")).put("total", 7.5);

        JsonNode refused = assertFailure(post(envelope("EV-19", "TRANSACTION.SUCCESS", t, API_V3_KEY)), 400);

        assertThat(refused.path("message").asText()).startsWith("resource.amount.total");
    }

    @Test
    void oldNoncesArePurged() throws Exception {
        assertThat(harness.store.rememberNonce("n-old", NOW.minusSeconds(900), NOW.minusSeconds(300))).isTrue();
        assertThat(harness.store.rememberNonce("n-new", NOW, NOW.minusSeconds(300))).isTrue();

        assertThat(harness.store.purgeNonces(NOW.minusSeconds(300))).isEqualTo(1);
        assertThat(harness.store.rememberNonce("n-new", NOW, NOW.minusSeconds(300))).isFalse();
    }
}
