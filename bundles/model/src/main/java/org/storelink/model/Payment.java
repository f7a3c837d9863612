package org.storelink.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A barcode (or card) payment as its provider reported it, verified and normalised. It carries no personal data:
 * the payer is a keyed pseudonym, computed before the event leaves the bundle that received the notification.
 *
 * @param paymentId the idempotency key, {@code <provider>:<providerTradeNo>}
 * @param storeId the store the merchant account belongs to
 * @param merchantOrderNo the order number the store's till chose (Alipay {@code out_trade_no}, WeChat
 *     {@code out_trade_no}); a POS sale carries it as its tender's {@code reference}
 * @param providerTradeNo the provider's own transaction number (Alipay {@code trade_no}, WeChat
 *     {@code transaction_id})
 * @param amount what the customer paid, in minor units of {@code currency}
 * @param refunded the part of {@code amount} given back so far (0 when none), minor units
 * @param occurredAt when the payment happened (Alipay {@code gmt_payment}, WeChat {@code success_time}) with the
 *     offset the provider states; for a refund or close, still the payment time when known
 * @param payerRef keyed HMAC of the provider's payer account id (hex), or null when the provider gave none
 * @param ageBand the payer's age band where the provider shares it, else null
 */
public record Payment(
        String paymentId,
        PaymentProvider provider,
        String storeId,
        String merchantOrderNo,
        String providerTradeNo,
        PaymentStatus status,
        long amount,
        long refunded,
        String currency,
        OffsetDateTime occurredAt,
        String payerRef,
        AgeBand ageBand) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Money.exponent(currency);
        if (amount < 0 || refunded < 0 || refunded > amount) {
            throw new IllegalArgumentException("amount " + amount + " and refunded " + refunded
                    + " must satisfy 0 <= refunded <= amount");
        }
    }

    /** The id a provider's trade number gives: {@code alipay:2024...}. */
    public static String idOf(PaymentProvider provider, String providerTradeNo) {
        return provider.label() + ":" + providerTradeNo;
    }

    /** What the merchant keeps: the amount less refunds, or nothing once closed. */
    public long net() {
        return status.collected() ? amount - refunded : 0;
    }

    public Money netMoney() {
        return new Money(net(), currency);
    }
}
