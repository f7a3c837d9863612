package org.storelink.wholesale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.storelink.model.Gtin;

/**
 * Replenishment suggestions for a store.
 *
 * @param computedAt       when, in the store's zone
 * @param historyFrom      first business day of the demand history used
 * @param historyTo        last business day used (yesterday: today is not complete)
 * @param serviceLevel     the configured cycle service level, such as 0.95
 * @param z                its safety factor, such as 1.645
 * @param reviewPeriodDays days until the next order can arrive, added to the target
 * @param lines            one per product the store sold in the history or counted, that a supplier offers
 * @param notOffered       products with sales in the history that no supplier of the store's region offers
 */
public record Replenishment(String storeId, ZonedDateTime computedAt, LocalDate historyFrom, LocalDate historyTo,
                            BigDecimal serviceLevel, BigDecimal z, int reviewPeriodDays,
                            List<ReplenishmentLine> lines, List<Gtin> notOffered) {

    public Replenishment {
        lines = List.copyOf(lines);
        notOffered = List.copyOf(notOffered);
    }

    /** The lines with something to order. */
    public List<ReplenishmentLine> suggested() {
        return lines.stream().filter(line -> line.suggestedQuantity() > 0).toList();
    }
}
