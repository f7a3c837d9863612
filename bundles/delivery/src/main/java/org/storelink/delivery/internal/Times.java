package org.storelink.delivery.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** One text form for times in messages and JSON: ISO-8601 with seconds and the offset. */
final class Times {
    private Times() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The instant as a local time of {@code zone}, with that zone's offset at the instant. */
    static OffsetDateTime in(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** Parses a date-time that must carry an offset; the message is the reason for a violation. */
    static OffsetDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 date-time with an offset, such as"
                    + " 2026-11-26T18:00:00+08:00, got '" + Texts.clip(text) + "'");
        }
    }
}
