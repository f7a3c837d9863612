package org.storelink.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A shop of the chain. It carries its own time zone because a chain may span zones and the
 * business day, which closes the books, is local to the till.
 *
 * @param region the {@link Region#id()} of its region
 * @param coordinates where it is, or null when not surveyed
 */
public record Store(String id, String name, String region, AreaProfile area, ZoneId zone,
        Coordinates coordinates) {

    public Store {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
    }

    /** The calendar date in the store's zone at that instant. */
    public LocalDate businessDay(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
