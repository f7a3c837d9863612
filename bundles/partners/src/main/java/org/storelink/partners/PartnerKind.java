package org.storelink.partners;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a partner system is to storelink. */
public enum PartnerKind {
    /** A brand: sends catalogs and promotions. */
    BRAND,
    /** A wholesaler: receives purchase orders, answers them. */
    WHOLESALER,
    /** A delivery fleet: receives dispatches, reports status. */
    FLEET;

    /** The name in commands and in the registry file: {@code brand}, {@code wholesaler}, {@code fleet}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a {@link #code()}; the message names the field and the allowed values. */
    public static PartnerKind of(String code) {
        if (code != null) {
            for (PartnerKind kind : values()) {
                if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("kind: must be one of " + codes() + ", got "
                + (code == null ? "nothing" : "'" + code + "'"));
    }

    /** The allowed codes, comma-separated, for messages and help. */
    public static String codes() {
        return Arrays.stream(values()).map(PartnerKind::code).collect(Collectors.joining(", "));
    }
}
