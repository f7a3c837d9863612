package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a sale was paid; CASH matters to the rules because only cash gives change. */
public enum TenderType {
    CASH, ALIPAY, WECHAT, CARD, OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TenderType parse(String label) {
        return Labels.parseIgnoringCase(TenderType.class, label, "tender type");
    }
}
