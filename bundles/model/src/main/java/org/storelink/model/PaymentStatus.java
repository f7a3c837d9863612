package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a payment stands, as its provider last reported it. Providers send several notifications for one trade
 * (paid, then finished; paid, then partly refunded); consumers keep the latest by {@link Payment#occurredAt()}.
 */
public enum PaymentStatus {
    /** The customer paid; refunds are still possible (Alipay TRADE_SUCCESS, WeChat SUCCESS). */
    PAID,
    /** Paid and final: no refund can follow any more (Alipay TRADE_FINISHED). */
    FINISHED,
    /** Paid, then partly or wholly refunded; {@link Payment#refunded()} says how much. */
    REFUNDED,
    /** Closed without money kept: never paid, or refunded in full (Alipay TRADE_CLOSED, WeChat CLOSED). */
    CLOSED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PaymentStatus parse(String label) {
        return Labels.parseIgnoringCase(PaymentStatus.class, label, "payment status");
    }

    /** Whether money stayed with the merchant (less {@link Payment#refunded()}). */
    public boolean collected() {
        return this != CLOSED;
    }
}
