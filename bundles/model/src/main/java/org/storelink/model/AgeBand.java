package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A customer's age as a band rather than a birth date: enough for assortment reports, while
 * keeping the sale free of personal data.
 */
public enum AgeBand {
    UNDER_18("<18"),
    AGE_18_24("18-24"),
    AGE_25_34("25-34"),
    AGE_35_44("35-44"),
    AGE_45_54("45-54"),
    AGE_55_64("55-64"),
    AGE_65_PLUS("65+");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static AgeBand parse(String label) {
        for (AgeBand band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown age band \"" + Text.clip(label)
                + "\"; expected one of " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(AgeBand::label).collect(Collectors.joining(", "));
    }
}
