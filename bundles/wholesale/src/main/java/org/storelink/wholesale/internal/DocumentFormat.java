package org.storelink.wholesale.internal;

import java.util.Locale;

/** The format a supplier takes purchase orders in. */
enum DocumentFormat {
    /** OASIS UBL 2.1 Order XML. */
    UBL("application/xml", ".xml"),
    /** UN/EDIFACT ORDERS D.03B. */
    EDIFACT("application/EDIFACT", ".edi");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static DocumentFormat of(String code) {
        for (DocumentFormat format : values()) {
            if (format.code().equals(code)) {
                return format;
            }
        }
        throw new IllegalArgumentException("must be ubl or edifact, got '" + code + "'");
    }
}
