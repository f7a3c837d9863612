package org.storelink.payments.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.storelink.model.AgeBand;
import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.stores.StoreRegistry;

/**
 * A WeChat Pay v3 notification, proved genuine: the platform certificate named by {@code Wechatpay-Serial} verifies
 * the signature, the timestamp is within the allowed skew, the nonce was not seen before, and the resource
 * decrypts (its GCM tag proves it too) with the API v3 key. Transaction and refund notifications become payments;
 * other kinds are acknowledged and not published.
 */
final class WechatNotifications {
    static final String SOURCE = "payments-wechat";
    private static final int MAX_ID = 64;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The parts of the request that are checked: the four {@code Wechatpay-*} headers and the raw body. */
    record Request(String serial, String signature, String timestamp, String nonce, byte[] body) {
    }

    private final Accounts accounts;
    private final StoreRegistry stores;
    private final PaymentStore store;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    WechatNotifications(Accounts accounts, StoreRegistry stores, PaymentStore store, Pseudonyms pseudonyms,
                        Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    Verdict handle(Request request) throws NotificationRefused {
        BigInteger serial = Keys.parseSerial(request.serial());
        if (serial == null) {
            throw NotificationRefused.invalid(WechatSignature.SERIAL, "is missing or not a hex serial number");
        }
        String signature = header(WechatSignature.SIGNATURE, request.signature(), 1024);
        String timestamp = header(WechatSignature.TIMESTAMP, request.timestamp(), 12);
        if (!timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw NotificationRefused.invalid(WechatSignature.TIMESTAMP, "must be Unix seconds");
        }
        String nonce = header(WechatSignature.NONCE, request.nonce(), 64);

        List<WechatMerchant> verified = new ArrayList<>();
        List<WechatMerchant> candidates = accounts.wechatBySerial(serial);
        if (candidates.isEmpty()) {
            throw new NotificationRefused(401, WechatSignature.SERIAL + ": no configured platform certificate has"
                    + " serial " + serial.toString(16).toUpperCase(java.util.Locale.ROOT));
        }
        for (WechatMerchant merchant : candidates) {
            PublicKey key = merchant.platformKey(serial).orElseThrow();
            if (WechatSignature.verify(key, timestamp, nonce, request.body(), signature)) {
                verified.add(merchant);
            }
        }
        if (verified.isEmpty()) {
            throw new NotificationRefused(401, WechatSignature.SIGNATURE
                    + ": does not verify with the platform certificate " + request.serial().strip());
        }

        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration maxSkew = verified.get(0).maxSkew();
        long skew = Duration.between(signedAt, now).abs().toSeconds();
        if (skew > maxSkew.toSeconds()) {
            throw new NotificationRefused(401, WechatSignature.TIMESTAMP + ": " + timestamp + " is " + skew
                    + " s from now; at most " + maxSkew.toSeconds() + " s are accepted");
        }
        if (!store.rememberNonce(nonce, signedAt, now.minus(maxSkew))) {
            throw new NotificationRefused(401, WechatSignature.NONCE + ": already used; a request is never"
                    + " accepted twice");
        }

        JsonNode envelope = json(request.body(), "body");
        String id = text(envelope, "id", "id");
        String eventType = text(envelope, "event_type", "event_type");
        String eventId = "wechat:" + id;
        if (store.processed(eventId)) {
            return new Verdict.Replayed(eventId);
        }
        JsonNode resource = envelope.path("resource");
        if (!resource.isObject()) {
            throw NotificationRefused.invalid("resource", "is required and must be an object");
        }
        String algorithm = text(resource, "algorithm", "resource.algorithm");
        if (!WechatResource.ALGORITHM.equals(algorithm)) {
            throw NotificationRefused.invalid("resource.algorithm", "\"" + Texts.clip(algorithm)
                    + "\" is not " + WechatResource.ALGORITHM);
        }
        String ciphertext = resource.path("ciphertext").asText("");
        String resourceNonce = text(resource, "nonce", "resource.nonce");
        String associatedData = resource.path("associated_data").isTextual()
                ? resource.path("associated_data").asText() : null;
        WechatMerchant merchant = null;
        String plaintext = null;
        for (WechatMerchant candidate : verified) {
            try {
                plaintext = WechatResource.decrypt(candidate.apiV3Key(), ciphertext, resourceNonce, associatedData);
                merchant = candidate;
                break;
            } catch (GeneralSecurityException e) {
                // Not this merchant's key (or altered): try the next account that shares the certificate.
            }
        }
        if (plaintext == null) {
            throw NotificationRefused.invalid("resource", "does not decrypt with the API v3 key of merchant "
                    + verified.get(0).mchId());
        }
        JsonNode resourceJson = json(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8), "resource");
        OffsetDateTime createTime = time(envelope, "create_time", "create_time").orElse(null);
        if (eventType.startsWith("TRANSACTION.")) {
            return transaction(eventId, merchant, resourceJson, createTime);
        }
        if (eventType.startsWith("REFUND.")) {
            return refund(eventId, merchant, resourceJson, createTime);
        }
        return new Verdict.Acknowledge("event_type " + Texts.clip(eventType) + " is not a payment or a refund");
    }

    private Verdict transaction(String eventId, WechatMerchant merchant, JsonNode t, OffsetDateTime createTime)
            throws NotificationRefused {
        String mchid = merchantOf(merchant, t);
        String storeId = storeOf(merchant, mchid);
        String state = text(t, "trade_state", "resource.trade_state");
        String transactionId = text(t, "transaction_id", "resource.transaction_id");
        String outTradeNo = text(t, "out_trade_no", "resource.out_trade_no");
        long total = fen(t.path("amount"), "total", "resource.amount.total");
        if (total <= 0) {
            throw NotificationRefused.invalid("resource.amount.total", "must be more than 0");
        }
        String currency = t.path("amount").path("currency").asText("CNY");
        try {
            Money.exponent(currency);
        } catch (IllegalArgumentException e) {
            throw NotificationRefused.invalid("resource.amount.currency", e.getMessage());
        }
        String paymentId = Payment.idOf(PaymentProvider.WECHAT, transactionId);
        List<PaymentStore.KnownTrade> known = checkKnown(transactionId, mchid, outTradeNo, storeId, total, currency);
        PaymentStatus status;
        long refunded = 0;
        switch (state) {
            case "SUCCESS" -> status = PaymentStatus.PAID;
            case "CLOSED" -> status = PaymentStatus.CLOSED;
            case "REFUND" -> {
                // The transaction says a refund happened, not how much: what the refund notifications said.
                status = PaymentStatus.REFUNDED;
                refunded = known.stream().mapToLong(PaymentStore.KnownTrade::refunded).max().orElse(0);
            }
            case "NOTPAY", "USERPAYING", "PAYERROR", "REVOKED" -> {
                return new Verdict.Acknowledge("transaction " + transactionId + " is " + state);
            }
            default -> throw NotificationRefused.invalid("resource.trade_state", "\"" + Texts.clip(state)
                    + "\" is not a WeChat Pay trade state");
        }
        OffsetDateTime occurredAt = time(t, "success_time", "resource.success_time").or(() -> known.stream()
                .map(PaymentStore.KnownTrade::occurredAt).findFirst()).orElse(createTime);
        if (occurredAt == null) {
            throw NotificationRefused.invalid("resource.success_time", "is required");
        }
        JsonNode payer = t.path("payer");
        String openid = firstText(payer, "openid", "sp_openid", "sub_openid");
        Payment payment = new Payment(paymentId, PaymentProvider.WECHAT, storeId, outTradeNo, transactionId, status,
                total, refunded, currency, occurredAt, pseudonyms.payerRef(PaymentProvider.WECHAT, openid), null);
        return new Verdict.Publish(new PaymentRecorded(eventId, clock.instant(), SOURCE, payment), mchid, null);
    }

    private Verdict refund(String eventId, WechatMerchant merchant, JsonNode r, OffsetDateTime createTime)
            throws NotificationRefused {
        String mchid = merchantOf(merchant, r);
        String storeId = storeOf(merchant, mchid);
        String refundStatus = text(r, "refund_status", "resource.refund_status");
        String transactionId = text(r, "transaction_id", "resource.transaction_id");
        String outTradeNo = text(r, "out_trade_no", "resource.out_trade_no");
        String refundId = text(r, "refund_id", "resource.refund_id");
        if (!refundStatus.equals("SUCCESS")) {
            // A refund that failed (ABNORMAL) or was closed gave nothing back: the payment stands as it was.
            return new Verdict.Acknowledge("refund " + refundId + " of " + transactionId + " is " + refundStatus);
        }
        long total = fen(r.path("amount"), "total", "resource.amount.total");
        long refund = fen(r.path("amount"), "refund", "resource.amount.refund");
        if (total <= 0) {
            throw NotificationRefused.invalid("resource.amount.total", "must be more than 0");
        }
        if (refund <= 0 || refund > total) {
            throw NotificationRefused.invalid("resource.amount.refund", "must be between 1 and amount.total");
        }
        String paymentId = Payment.idOf(PaymentProvider.WECHAT, transactionId);
        List<PaymentStore.KnownTrade> known = store.known(PaymentProvider.WECHAT, transactionId, mchid, outTradeNo);
        String currency = known.stream().map(PaymentStore.KnownTrade::currency).findFirst().orElse("CNY");
        checkKnown(transactionId, mchid, outTradeNo, storeId, total, currency);
        long refunded = store.refundedExcept(paymentId, refundId) + refund;
        if (refunded > total) {
            throw new NotificationRefused(409, "resource.amount.refund: refunds of " + transactionId + " would add"
                    + " up to " + new Money(refunded, currency).format() + ", more than the "
                    + new Money(total, currency).format() + " paid");
        }
        OffsetDateTime occurredAt = known.stream().map(PaymentStore.KnownTrade::occurredAt).findFirst()
                .or(() -> timeOrEmpty(r, "success_time")).orElse(createTime);
        if (occurredAt == null) {
            throw NotificationRefused.invalid("resource.success_time", "is required");
        }
        String payerRef = known.stream().map(PaymentStore.KnownTrade::payerRef).filter(p -> p != null)
                .findFirst().orElse(null);
        AgeBand ageBand = known.stream().map(PaymentStore.KnownTrade::ageBand).filter(a -> a != null)
                .findFirst().map(AgeBand::parse).orElse(null);
        PaymentStatus status = refunded == total ? PaymentStatus.CLOSED : PaymentStatus.REFUNDED;
        Payment payment = new Payment(paymentId, PaymentProvider.WECHAT, storeId, outTradeNo, transactionId, status,
                total, refunded, currency, occurredAt, payerRef, ageBand);
        return new Verdict.Publish(new PaymentRecorded(eventId, clock.instant(), SOURCE, payment), mchid,
                new Verdict.Refund(refundId, refund));
    }

    /** The merchant the payment belongs to: the sub-merchant in service provider mode, else the merchant. */
    private static String merchantOf(WechatMerchant account, JsonNode resource) throws NotificationRefused {
        String owner = firstText(resource, "sp_mchid", "mchid");
        if (owner == null) {
            throw NotificationRefused.invalid("resource.mchid", "is required");
        }
        if (!owner.equals(account.mchId())) {
            throw new NotificationRefused(403, "resource.mchid: " + Texts.clip(owner)
                    + " is not the configured merchant " + account.mchId());
        }
        String sub = firstText(resource, "sub_mchid");
        return sub != null ? sub : owner;
    }

    private String storeOf(WechatMerchant account, String mchid) throws NotificationRefused {
        String storeId = account.store(mchid).orElseThrow(() -> new NotificationRefused(403,
                "resource.mchid: " + Texts.clip(mchid) + " is not in merchants of " + account.mchId()));
        if (stores.store(storeId).isEmpty()) {
            throw new NotificationRefused(403, "resource.mchid: " + mchid + " maps to store " + storeId
                    + ", which is not registered");
        }
        return storeId;
    }

    private List<PaymentStore.KnownTrade> checkKnown(String transactionId, String mchid, String outTradeNo,
                                                     String storeId, long total, String currency)
            throws NotificationRefused {
        List<PaymentStore.KnownTrade> known = store.known(PaymentProvider.WECHAT, transactionId, mchid, outTradeNo);
        String paymentId = Payment.idOf(PaymentProvider.WECHAT, transactionId);
        for (PaymentStore.KnownTrade trade : known) {
            if (!trade.paymentId().equals(paymentId)) {
                throw new NotificationRefused(409, "resource.out_trade_no: " + Texts.clip(outTradeNo)
                        + " already belongs to transaction " + trade.tradeNo() + ", not " + transactionId);
            }
            if (!trade.storeId().equals(storeId)) {
                throw new NotificationRefused(409, "resource.mchid: transaction " + transactionId
                        + " was recorded for store " + trade.storeId() + ", this notification names store " + storeId);
            }
            if (trade.amount() != total || !trade.currency().equals(currency)) {
                throw new NotificationRefused(409, "resource.amount.total: " + new Money(total, currency).format()
                        + " differs from " + new Money(trade.amount(), trade.currency()).format()
                        + " recorded for transaction " + transactionId);
            }
        }
        return known;
    }

    private static String header(String name, String value, int max) throws NotificationRefused {
        if (value == null || value.isBlank()) {
            throw NotificationRefused.invalid(name, "header is required");
        }
        if (!Texts.sane(value.strip(), max)) {
            throw NotificationRefused.invalid(name, "must be at most " + max + " printable characters");
        }
        return value.strip();
    }

    private static JsonNode json(byte[] bytes, String field) throws NotificationRefused {
        try {
            JsonNode node = STRICT.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw NotificationRefused.invalid(field, "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw NotificationRefused.invalid(field, "is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(JsonNode node, String name, String field) throws NotificationRefused {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw NotificationRefused.invalid(field, "is required and must be text");
        }
        if (!Texts.sane(value.asText(), MAX_ID)) {
            throw NotificationRefused.invalid(field, "must be at most " + MAX_ID
                    + " characters without control characters");
        }
        return value.asText();
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }

    private static long fen(JsonNode amount, String name, String field) throws NotificationRefused {
        JsonNode value = amount.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw NotificationRefused.invalid(field, "is required and must be a whole number of fen");
        }
        return value.longValue();
    }

    private static Optional<OffsetDateTime> time(JsonNode node, String name, String field)
            throws NotificationRefused {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw NotificationRefused.invalid(field, "\"" + Texts.clip(value.asText())
                    + "\" is not an ISO-8601 time with an offset");
        }
    }

    private static Optional<OffsetDateTime> timeOrEmpty(JsonNode node, String name) {
        try {
            return time(node, name, name);
        } catch (NotificationRefused e) {
            return Optional.empty();
        }
    }
}
