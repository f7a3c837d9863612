package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum AdjustmentType {
    COUPON, LOYALTY, ROUNDING, OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AdjustmentType parse(String label) {
        return Labels.parseIgnoringCase(AdjustmentType.class, label, "adjustment type");
    }
}
