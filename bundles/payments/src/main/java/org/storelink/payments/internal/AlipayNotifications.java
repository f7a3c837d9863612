package org.storelink.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.AgeBand;
import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.stores.StoreRegistry;

/**
 * An Alipay {@code trade_status_sync} notification, proved genuine and checked against what the platform knows:
 * the app is configured, the RSA2 signature verifies with its Alipay public key, the seller is one of the app's and
 * maps to a registered store, the amounts are exact yuan, and a trade seen before keeps its store and amount.
 */
final class AlipayNotifications {
    static final String SOURCE = "payments-alipay";
    static final String CURRENCY = "CNY";
    private static final Logger LOG = LoggerFactory.getLogger(AlipayNotifications.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int MAX_ID = 64;

    private final Accounts accounts;
    private final StoreRegistry stores;
    private final PaymentStore store;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    AlipayNotifications(Accounts accounts, StoreRegistry stores, PaymentStore store, Pseudonyms pseudonyms,
                        Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    Verdict handle(byte[] body) throws NotificationRefused {
        FormBody form = FormBody.parse(body);
        Map<String, String> p = form.parameters();

        String signType = p.get(AlipaySigning.SIGN_TYPE);
        if (!AlipaySigning.RSA2.equals(signType)) {
            throw NotificationRefused.invalid(AlipaySigning.SIGN_TYPE, (signType == null ? "is missing"
                    : "\"" + Texts.clip(signType) + "\" is not accepted") + "; only RSA2 (SHA256withRSA) is");
        }
        String sign = required(p, AlipaySigning.SIGN, 1024);
        String appId = required(p, "app_id", MAX_ID);
        AlipayApp app = accounts.alipayApp(appId).orElseThrow(() -> new NotificationRefused(403,
                "app_id: " + Texts.clip(appId) + " is not a configured Alipay app"));
        if (!AlipaySigning.verify(p, sign, app.publicKey(), form.charset())) {
            throw new NotificationRefused(401, "sign: does not verify with the Alipay public key of app " + appId);
        }

        // From here on the parameters are Alipay's own; what remains is whether they fit what we know.
        String notifyType = p.get("notify_type");
        if (notifyType != null && !notifyType.equals("trade_status_sync")) {
            return new Verdict.Acknowledge("notify_type " + Texts.clip(notifyType) + " is not a trade notification");
        }
        String notifyId = required(p, "notify_id", 128);
        String eventId = "alipay:" + notifyId;
        if (store.processed(eventId)) {
            return new Verdict.Replayed(eventId);
        }
        String tradeStatus = required(p, "trade_status", MAX_ID);
        String sellerId = required(p, "seller_id", MAX_ID);
        String storeId = app.store(sellerId).orElseThrow(() -> new NotificationRefused(403,
                "seller_id: " + Texts.clip(sellerId) + " is not a seller of Alipay app " + appId));
        if (stores.store(storeId).isEmpty()) {
            throw new NotificationRefused(403, "seller_id: " + sellerId + " maps to store " + storeId
                    + ", which is not registered");
        }
        String outTradeNo = required(p, "out_trade_no", MAX_ID);
        String tradeNo = required(p, "trade_no", MAX_ID);
        long total = amount(p, "total_amount");
        if (total <= 0) {
            throw NotificationRefused.invalid("total_amount", "must be more than 0");
        }
        if (tradeStatus.equals("WAIT_BUYER_PAY")) {
            return new Verdict.Acknowledge("trade " + tradeNo + " is waiting for the buyer to pay");
        }
        long refundFee = p.get("refund_fee") == null || p.get("refund_fee").isEmpty() ? 0 : amount(p, "refund_fee");
        if (refundFee < 0 || refundFee > total) {
            throw NotificationRefused.invalid("refund_fee", "must be between 0 and total_amount");
        }
        PaymentStatus status = switch (tradeStatus) {
            case "TRADE_SUCCESS" -> refundFee > 0 ? PaymentStatus.REFUNDED : PaymentStatus.PAID;
            case "TRADE_FINISHED" -> PaymentStatus.FINISHED;
            case "TRADE_CLOSED" -> PaymentStatus.CLOSED;
            default -> throw NotificationRefused.invalid("trade_status", "\"" + Texts.clip(tradeStatus)
                    + "\" is not one of WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_FINISHED, TRADE_CLOSED");
        };
        OffsetDateTime occurredAt = p.get("gmt_payment") != null && !p.get("gmt_payment").isEmpty()
                ? time(p, "gmt_payment", app.zone())
                : time(p, "gmt_create", app.zone());

        String paymentId = Payment.idOf(PaymentProvider.ALIPAY, tradeNo);
        for (PaymentStore.KnownTrade known : store.known(PaymentProvider.ALIPAY, tradeNo, sellerId, outTradeNo)) {
            if (!known.paymentId().equals(paymentId)) {
                throw new NotificationRefused(409, "out_trade_no: " + Texts.clip(outTradeNo)
                        + " already belongs to trade " + known.tradeNo() + ", not " + tradeNo);
            }
            if (!known.storeId().equals(storeId)) {
                throw new NotificationRefused(409, "seller_id: trade " + tradeNo + " was recorded for store "
                        + known.storeId() + ", this notification names store " + storeId);
            }
            if (known.amount() != total || !known.currency().equals(CURRENCY)) {
                throw new NotificationRefused(409, "total_amount: " + new Money(total, CURRENCY).format()
                        + " differs from " + new Money(known.amount(), known.currency()).format()
                        + " recorded for trade " + tradeNo);
            }
        }

        String payer = p.get("buyer_id") != null && !p.get("buyer_id").isEmpty() ? p.get("buyer_id")
                : p.get("buyer_open_id");
        Payment payment = new Payment(paymentId, PaymentProvider.ALIPAY, storeId, outTradeNo, tradeNo, status,
                total, refundFee, CURRENCY, occurredAt, pseudonyms.payerRef(PaymentProvider.ALIPAY, payer),
                ageBand(app, p, notifyId));
        return new Verdict.Publish(new PaymentRecorded(eventId, Instant.now(clock), SOURCE, payment), sellerId,
                null);
    }

    private static String required(Map<String, String> p, String name, int max) throws NotificationRefused {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw NotificationRefused.invalid(name, "is required");
        }
        if (!Texts.sane(value, max)) {
            throw NotificationRefused.invalid(name, "must be at most " + max
                    + " characters without control characters");
        }
        return value;
    }

    private static long amount(Map<String, String> p, String name) throws NotificationRefused {
        String value = required(p, name, 32);
        try {
            return Money.parseMajor(value, CURRENCY);
        } catch (IllegalArgumentException e) {
            throw NotificationRefused.invalid(name, e.getMessage());
        }
    }

    private static OffsetDateTime time(Map<String, String> p, String name, ZoneId zone) throws NotificationRefused {
        String value = required(p, name, 32);
        try {
            return LocalDateTime.parse(value, TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw NotificationRefused.invalid(name, "\"" + Texts.clip(value) + "\" is not a time yyyy-MM-dd HH:mm:ss");
        }
    }

    private static AgeBand ageBand(AlipayApp app, Map<String, String> p, String notifyId) {
        if (app.ageBandParameter().isEmpty()) {
            return null;
        }
        String value = p.get(app.ageBandParameter().get());
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return AgeBand.parse(value);
        } catch (IllegalArgumentException e) {
            // The payment itself is genuine: it is recorded without an age band rather than refused for ever.
            LOG.warn("Alipay notification {}: {}: {}; recorded without an age band", notifyId,
                    app.ageBandParameter().get(), e.getMessage());
            return null;
        }
    }
}
