package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What surrounds a store; it drives assortment and staffing, so reports group by it. */
public enum AreaProfile {
    STUDENT, OFFICE, RESIDENTIAL, TRANSIT, TOURIST, MIXED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, since store lists are typed by hand in spreadsheets. */
    @JsonCreator
    public static AreaProfile parse(String label) {
        return Labels.parseIgnoringCase(AreaProfile.class, label, "area profile");
    }
}
