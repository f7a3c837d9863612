package org.storelink.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.storelink.model.Violation;

/** Reads a fleet's status message, checks its time against the clock and applies it. */
final class StatusHandler {
    private final JdbcDeliveries database;
    private final Clock clock;
    private final Duration clockSkew;

    StatusHandler(JdbcDeliveries database, Clock clock, Duration clockSkew) {
        this.database = database;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    JdbcDeliveries.Applied handle(String fleet, byte[] body) throws StatusRejectedException {
        StatusUpdate update = StatusReader.read(body);
        Instant now = clock.instant();
        if (update.at().toInstant().isAfter(now.plus(clockSkew))) {
            throw new StatusRejectedException(update.deliveryId(), update.status().code(), List.of(new Violation("at",
                    "is in the future (storelink's time is " + now + ")")), null);
        }
        return database.apply(fleet, update, now);
    }
}
