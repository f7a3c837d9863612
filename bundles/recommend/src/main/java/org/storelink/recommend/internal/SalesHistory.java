package org.storelink.recommend.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The read side of the recommend module's sales history. Weeks are ISO weeks, given by the date of their Monday. */
public interface SalesHistory {

    /** Units sold by store and GTIN in the weeks {@code fromWeek..toWeek} (both Mondays, both included). */
    Map<String, Map<String, BigDecimal>> units(Collection<String> stores, LocalDate fromWeek, LocalDate toWeek);

    /** Weeks with any sale, by store, in {@code fromWeek..toWeek}. */
    Map<String, Integer> activeWeeks(Collection<String> stores, LocalDate fromWeek, LocalDate toWeek);

    /**
     * Units sold at each shelf price by store and week, in the business days {@code from..to}; only prices at which
     * more than zero units were sold (net of voids and returns).
     */
    java.util.List<WeeklyPrice> prices(Collection<String> stores, Optional<String> gtin, LocalDate from, LocalDate to);

    /** The store's latest shelf price by GTIN, from sales on or after {@code since}. */
    Map<String, ShelfPrice> latestPrices(String store, Optional<String> gtin, LocalDate since);

    /** The latest names of these products. */
    Map<String, String> names(Collection<String> gtins);

    record WeeklyPrice(String storeId, LocalDate weekStart, String gtin, String currency, long unitPrice,
            BigDecimal units) {
    }

    record ShelfPrice(String gtin, String currency, long unitPrice, LocalDate day) {
    }
}
