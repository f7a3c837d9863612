package org.storelink.wholesale;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** What was on the shelf at {@code countedAt}; a product not listed keeps its previous count. */
public record StockCount(OffsetDateTime countedAt, List<Quantity> lines) {

    public StockCount {
        Objects.requireNonNull(countedAt, "countedAt");
        lines = List.copyOf(lines);
    }
}
