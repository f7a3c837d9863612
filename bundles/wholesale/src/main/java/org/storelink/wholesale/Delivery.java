package org.storelink.wholesale;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Goods received by a store at {@code receivedAt}, for an order of the platform or not. */
public record Delivery(OffsetDateTime receivedAt, Optional<String> orderId, List<Quantity> lines) {

    public Delivery {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }
}
