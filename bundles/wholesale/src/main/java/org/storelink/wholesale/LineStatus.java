package org.storelink.wholesale;

import java.util.Locale;

/** A line's answer from the supplier. */
public enum LineStatus {
    /** Not answered yet. */
    OPEN,
    /** Accepted as ordered. */
    ACCEPTED,
    /** Accepted with a new quantity, price or delivery date. */
    CHANGED,
    /** Not accepted: nothing will be delivered. */
    REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
