package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.alipay.api.internal.util.AlipaySignature;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AgeBand;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;

/**
 * Golden notifications signed here by Alipay's own SDK with a fresh key pair, sent through the route with H2 behind
 * it and a mock in place of the broker.
 */
class AlipayNotifyTest {
    static final String APP_ID = "2021000000000001";
    static final String SELLER = "2088000000000001";
    static final String OTHER_SELLER = "2088000000000002";
    static final String BUYER_ID = "2088102534368455";
    private static final Instant NOW = Instant.parse("2026-11-26T01:16:00Z");
    private static final Charset GBK = Charset.forName("GBK");

    private static KeyPair alipayKeys;
    private static String privateKey;
    private Harness harness;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        alipayKeys = generator.generateKeyPair();
        privateKey = Base64.getEncoder().encodeToString(alipayKeys.getPrivate().getEncoded());
    }

    static String publicKey() {
        return Base64.getEncoder().encodeToString(alipayKeys.getPublic().getEncoded());
    }

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(Clock.fixed(NOW, ZoneOffset.UTC));
        harness.accounts.add(AlipayApp.parse(APP_ID, publicKey(), "", new String[] {
                SELLER + "=" + Harness.SHANGHAI_STORE + ", " + OTHER_SELLER + "=" + Harness.OTHER_STORE},
                "Asia/Shanghai", "ext_age_band"));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    static Map<String, String> notification(String notifyId, String tradeNo, String total, String status,
                                            String charset) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gmt_create", "2026-11-26 09:15:20");
        p.put("charset", charset);
        p.put("seller_email", "shop@example.com");
        p.put("subject", "绿茶 500ml 两瓶");
        p.put("buyer_id", BUYER_ID);
        p.put("invoice_amount", total);
        p.put("notify_id", notifyId);
        p.put("notify_type", "trade_status_sync");
        p.put("trade_status", status);
        p.put("receipt_amount", total);
        p.put("app_id", APP_ID);
        p.put("seller_id", SELLER);
        p.put("gmt_payment", "2026-11-26 09:15:30");
        p.put("notify_time", "2026-11-26 09:15:31");
        p.put("version", "1.0");
        p.put("out_trade_no", "sh-campus-001-000123");
        p.put("total_amount", total);
        p.put("trade_no", tradeNo);
        p.put("auth_app_id", APP_ID);
        p.put("buyer_logon_id", "abc***@example.com");
        p.put("point_amount", "0.00");
        return p;
    }

    static Map<String, String> utf8(String notifyId, String tradeNo, String total, String status) {
        return notification(notifyId, tradeNo, total, status, "utf-8");
    }

    /** Signs as Alipay does: the SDK's own signing string and its RSA2 signature. */
    static Map<String, String> signed(Map<String, String> params, Charset charset) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("sign");
        signed.put("sign_type", "RSA2");
        // The SDK drops sign and sign_type from the map it is given: give it a copy.
        String content = AlipaySignature.getSignCheckContentV1(new LinkedHashMap<>(signed));
        signed.put("sign", AlipaySignature.rsa256Sign(content, privateKey, charset.name()));
        return signed;
    }

    static byte[] form(Map<String, String> params, Charset charset) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), charset) + "=" + URLEncoder.encode(e.getValue(), charset))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    private Exchange post(Map<String, String> params, Charset charset) throws Exception {
        return harness.alipay(form(signed(params, charset), charset));
    }

    private static void assertSuccess(Exchange result) {
        assertThat(Harness.answer(result).status()).isEqualTo(200);
        assertThat(Harness.answer(result).contentType()).startsWith("text/plain");
        assertThat(Harness.text(result)).isEqualTo("success");
    }

    private static void assertFailure(Exchange result, int status) {
        assertThat(Harness.answer(result).status()).isEqualTo(status);
        assertThat(Harness.text(result)).isEqualTo("failure");
    }

    @Test
    void theSdkAndThisModuleBuildTheSameSigningString() throws Exception {
        Map<String, String> params = signed(utf8("n-1", "2026112622001", "7.00", "TRADE_SUCCESS"),
                StandardCharsets.UTF_8);
        params.put("empty_one", "");

        assertThat(AlipaySigning.content(params))
                .isEqualTo(AlipaySignature.getSignCheckContentV1(new LinkedHashMap<>(params)));
        assertThat(AlipaySignature.rsaCheckV1(new LinkedHashMap<>(params), publicKey(), "utf-8", "RSA2")).isTrue();
    }

    @Test
    void goldenUtf8NotificationIsPublishedThenAnsweredSuccess() throws Exception {
        Exchange result = post(utf8("n-utf8", "2026112622001", "7.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8);

        assertSuccess(result);
        assertThat(harness.events()).hasSize(1);
        Exchange sent = harness.published().getReceivedExchanges().get(0);
        assertThat(sent.getMessage().getHeaders()).containsOnlyKeys("_AMQ_DUPL_ID");
        assertThat(sent.getMessage().getHeader("_AMQ_DUPL_ID")).isEqualTo("alipay:n-utf8");
        PaymentRecorded event = harness.events().get(0);
        assertThat(event.eventId()).isEqualTo("alipay:n-utf8");
        assertThat(event.source()).isEqualTo("payments-alipay");
        assertThat(event.recordedAt()).isEqualTo(NOW);
        Payment payment = event.payment();
        assertThat(payment.paymentId()).isEqualTo("alipay:2026112622001");
        assertThat(payment.provider()).isEqualTo(PaymentProvider.ALIPAY);
        assertThat(payment.storeId()).isEqualTo(Harness.SHANGHAI_STORE);
        assertThat(payment.merchantOrderNo()).isEqualTo("sh-campus-001-000123");
        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.amount()).isEqualTo(700);
        assertThat(payment.refunded()).isZero();
        assertThat(payment.currency()).isEqualTo("CNY");
        assertThat(payment.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(payment.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(payment.payerRef()).startsWith("alipay:").hasSize("alipay:".length() + 64)
                .isEqualTo(harness.pseudonyms.payerRef(PaymentProvider.ALIPAY, BUYER_ID));
        assertThat(payment.ageBand()).isNull();
        assertThat(harness.store.payment("alipay:2026112622001")).contains(payment);
        assertThat(harness.count("payments_notification")).isEqualTo(1);
    }

    @Test
    void goldenGbkNotificationWithAChineseSubjectVerifies() throws Exception {
        Map<String, String> params = notification("n-gbk", "2026112622002", "12.50", "TRADE_SUCCESS", "GBK");
        byte[] body = form(signed(params, GBK), GBK);
        // The subject travels as GBK bytes: read as UTF-8 they would not even decode.
        assertThat(new String(body, StandardCharsets.US_ASCII)).contains(URLEncoder.encode("绿茶", GBK));

        Exchange result = harness.alipay(body);

        assertSuccess(result);
        assertThat(harness.events()).singleElement()
                .satisfies(e -> assertThat(e.payment().amount()).isEqualTo(1250));
    }

    @Test
    void aNotificationSignedOverGbkTextFailsWhenItClaimsUtf8() throws Exception {
        Map<String, String> params = notification("n-mixed", "2026112622003", "12.50", "TRADE_SUCCESS", "GBK");
        Map<String, String> signed = signed(params, GBK);
        signed.put("charset", "utf-8");

        assertFailure(harness.alipay(form(signed, StandardCharsets.UTF_8)), 401);
        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void aTamperedAmountFailsTheSignature() throws Exception {
        Map<String, String> signed = signed(utf8("n-tamper", "2026112622004", "7.00", "TRADE_SUCCESS"),
                StandardCharsets.UTF_8);
        signed.put("total_amount", "700.00");

        assertFailure(harness.alipay(form(signed, StandardCharsets.UTF_8)), 401);
        assertThat(harness.published().getReceivedCounter()).isZero();
        assertThat(harness.count("payments_notification")).isZero();
    }

    @Test
    void signTypeRsaIsRefused() throws Exception {
        Map<String, String> params = utf8("n-rsa1", "2026112622005", "7.00", "TRADE_SUCCESS");
        params.put("sign_type", "RSA");
        params.put("sign", AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV1(new LinkedHashMap<>(params)),
                privateKey,
                "utf-8", "RSA"));

        assertFailure(harness.alipay(form(params, StandardCharsets.UTF_8)), 400);
        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void anUnknownAppIsRefused() throws Exception {
        Map<String, String> params = utf8("n-app", "2026112622006", "7.00", "TRADE_SUCCESS");
        params.put("app_id", "2021999999999999");

        assertFailure(post(params, StandardCharsets.UTF_8), 403);
        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void anUnknownSellerIsRefused() throws Exception {
        Map<String, String> params = utf8("n-seller", "2026112622007", "7.00", "TRADE_SUCCESS");
        params.put("seller_id", "2088999999999999");

        assertFailure(post(params, StandardCharsets.UTF_8), 403);
        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void aReplayedNotifyIdIsAnsweredSuccessAndPublishedOnce() throws Exception {
        byte[] body = form(signed(utf8("n-replay", "2026112622008", "7.00", "TRADE_SUCCESS"),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertSuccess(harness.alipay(body));
        assertSuccess(harness.alipay(body));
        assertSuccess(harness.alipay(body));

        assertThat(harness.published().getReceivedCounter()).isEqualTo(1);
        assertThat(harness.count("payments_notification")).isEqualTo(1);
    }

    @Test
    void waitBuyerPayIsAcknowledgedAndNothingIsPublished() throws Exception {
        assertSuccess(post(utf8("n-wait", "2026112622009", "7.00", "WAIT_BUYER_PAY"), StandardCharsets.UTF_8));

        assertThat(harness.published().getReceivedCounter()).isZero();
        assertThat(harness.count("payments_payment")).isZero();
    }

    @Test
    void aTradeMovesFromPaidToPartlyRefundedToFinished() throws Exception {
        String trade = "2026112622010";
        Map<String, String> refunded = utf8("n-refund", trade, "20.00", "TRADE_SUCCESS");
        refunded.put("refund_fee", "5.00");
        Map<String, String> finished = utf8("n-finished", trade, "20.00", "TRADE_FINISHED");
        finished.put("refund_fee", "5.00");

        assertSuccess(post(utf8("n-paid", trade, "20.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8));
        assertSuccess(post(refunded, StandardCharsets.UTF_8));
        assertSuccess(post(finished, StandardCharsets.UTF_8));

        assertThat(harness.events()).extracting(e -> e.payment().status())
                .containsExactly(PaymentStatus.PAID, PaymentStatus.REFUNDED, PaymentStatus.FINISHED);
        Payment latest = harness.store.payment("alipay:" + trade).orElseThrow();
        assertThat(latest.status()).isEqualTo(PaymentStatus.FINISHED);
        assertThat(latest.refunded()).isEqualTo(500);
        assertThat(latest.net()).isEqualTo(1500);
    }

    @Test
    void anOlderNotificationArrivingLateDoesNotUndoTheLatestState() throws Exception {
        String trade = "2026112622011";
        Map<String, String> closed = utf8("n-closed", trade, "9.90", "TRADE_CLOSED");
        closed.put("refund_fee", "9.90");

        assertSuccess(post(closed, StandardCharsets.UTF_8));
        assertSuccess(post(utf8("n-paid-late", trade, "9.90", "TRADE_SUCCESS"), StandardCharsets.UTF_8));

        assertThat(harness.published().getReceivedCounter()).isEqualTo(2);
        Payment latest = harness.store.payment("alipay:" + trade).orElseThrow();
        assertThat(latest.status()).isEqualTo(PaymentStatus.CLOSED);
        assertThat(latest.refunded()).isEqualTo(990);
        assertThat(latest.net()).isZero();
    }

    @Test
    void aKnownTradeWithAnotherAmountOrStoreIsRefused() throws Exception {
        String trade = "2026112622012";
        assertSuccess(post(utf8("n-first", trade, "7.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8));
        Map<String, String> otherStore = utf8("n-store", trade, "7.00", "TRADE_FINISHED");
        otherStore.put("seller_id", OTHER_SELLER);

        assertFailure(post(utf8("n-amount", trade, "8.00", "TRADE_FINISHED"), StandardCharsets.UTF_8), 409);
        assertFailure(post(otherStore, StandardCharsets.UTF_8), 409);

        assertThat(harness.published().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void amountsMustBePlainPositiveYuan() throws Exception {
        assertFailure(post(utf8("n-float", "2026112622013", "7.001", "TRADE_SUCCESS"), StandardCharsets.UTF_8), 400);
        assertFailure(post(utf8("n-exp", "2026112622014", "7e2", "TRADE_SUCCESS"), StandardCharsets.UTF_8), 400);
        assertFailure(post(utf8("n-zero", "2026112622015", "0.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8), 400);

        assertThat(harness.published().getReceivedCounter()).isZero();
    }

    @Test
    void anOverlongOutTradeNoIsRefused() throws Exception {
        Map<String, String> params = utf8("n-long", "2026112622016", "7.00", "TRADE_SUCCESS");
        params.put("out_trade_no", "x".repeat(65));

        assertFailure(post(params, StandardCharsets.UTF_8), 400);
    }

    @Test
    void anotherCharsetIsRefused() throws Exception {
        Map<String, String> params = notification("n-latin", "2026112622017", "7.00", "TRADE_SUCCESS",
                "ISO-8859-1");
        params.put("subject", "tea");

        assertFailure(post(params, StandardCharsets.ISO_8859_1), 400);
    }

    @Test
    void whenTheBrokerFailsTheAnswerIsFailureAndNothingIsRecordedUntilTheRetry() throws Exception {
        byte[] body = form(signed(utf8("n-retry", "2026112622018", "7.00", "TRADE_SUCCESS"),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        harness.brokerDown(true);

        Exchange failed = harness.alipay(body);

        assertFailure(failed, 503);
        assertThat(harness.count("payments_notification")).isZero();
        assertThat(harness.count("payments_payment")).isZero();

        harness.brokerDown(false);
        assertSuccess(harness.alipay(body));
        assertThat(harness.published().getReceivedCounter()).isEqualTo(1);
        assertThat(harness.count("payments_notification")).isEqualTo(1);
    }

    @Test
    void theBuyerIdIsNeitherPublishedNorStored() throws Exception {
        assertSuccess(post(utf8("n-privacy", "2026112622019", "7.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8));

        String published = harness.published().getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(published).doesNotContain(BUYER_ID);
        assertThat(harness.dump()).doesNotContain(BUYER_ID).contains("alipay:");
    }

    @Test
    void theConfiguredAgeBandParameterIsRead() throws Exception {
        Map<String, String> params = utf8("n-age", "2026112622020", "7.00", "TRADE_SUCCESS");
        params.put("ext_age_band", "18-24");

        assertSuccess(post(params, StandardCharsets.UTF_8));

        assertThat(harness.events().get(0).payment().ageBand()).isEqualTo(AgeBand.AGE_18_24);
    }

    @Test
    void buyerOpenIdStandsInForBuyerId() throws Exception {
        Map<String, String> params = utf8("n-open", "2026112622021", "7.00", "TRADE_SUCCESS");
        params.remove("buyer_id");
        params.put("buyer_open_id", "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5");

        assertSuccess(post(params, StandardCharsets.UTF_8));

        assertThat(harness.events().get(0).payment().payerRef())
                .isEqualTo(harness.pseudonyms.payerRef(PaymentProvider.ALIPAY,
                        "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5"));
    }
}
