package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who moved the money for a {@link Payment}. */
public enum PaymentProvider {
    ALIPAY, WECHAT, CARD, BANK;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PaymentProvider parse(String label) {
        return Labels.parseIgnoringCase(PaymentProvider.class, label, "payment provider");
    }
}
