package org.storelink.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A store's deliveries whose promised window starts on {@code day} in the store's zone.
 *
 * @param asOf the instant the late flags were evaluated at
 */
public record DeliveryDay(String storeId, ZoneId zone, LocalDate day, Instant asOf, DayCounts counts,
                          List<DeliveryView> deliveries) {

    public DeliveryDay {
        deliveries = List.copyOf(deliveries);
    }
}
