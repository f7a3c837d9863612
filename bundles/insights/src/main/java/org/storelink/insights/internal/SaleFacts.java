package org.storelink.insights.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.storelink.model.AgeBand;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Tender;

/**
 * What the rollups take from one sale, placed in the store's own time zone.
 *
 * @param businessDay the day the source states, else the date of {@code occurredAt} in the store's zone (or at
 *     its own offset when the store is unknown)
 * @param hourOfDay the local hour in the store's zone
 * @param total what the customer owed (lines, tax added, adjustments); negative for a return
 * @param items units bought net of voids, a line sold by weight counting as one item
 * @param products net units and revenue per GTIN, by GTIN; products voided to nothing are left out
 * @param references the tender references in tender order, without repeats
 */
record SaleFacts(String saleId, String storeId, LocalDate businessDay, int hourOfDay, String currency, long total,
        long items, Map<String, Product> products, List<String> references, String customerRef, AgeBand ageBand) {

    record Product(String name, BigDecimal units, long revenue) {
        Product plus(SaleLine line) {
            return new Product(line.name() != null ? line.name() : name, units.add(line.quantity()),
                    Math.addExact(revenue, line.amount()));
        }
    }

    boolean isReturn() {
        return total < 0;
    }

    static SaleFacts of(SaleRecorded event, Optional<ZoneId> storeZone) {
        Sale sale = event.sale();
        ZonedDateTime local = storeZone.map(zone -> sale.occurredAt().atZoneSameInstant(zone))
                .orElse(sale.occurredAt().toZonedDateTime());
        LocalDate businessDay = event.businessDay() != null ? event.businessDay() : local.toLocalDate();
        long items = 0;
        Map<String, Product> products = new TreeMap<>();
        for (SaleLine line : sale.lines()) {
            items = Math.addExact(items, items(line.quantity()));
            products.merge(line.gtin().value(), new Product(line.name(), line.quantity(), line.amount()),
                    (sum, added) -> sum.plus(line));
        }
        products.values().removeIf(product -> product.units().signum() == 0 && product.revenue() == 0);
        Set<String> references = new LinkedHashSet<>();
        for (Tender tender : sale.tenders()) {
            if (tender.reference() != null && !tender.reference().isBlank()) {
                references.add(tender.reference().strip());
            }
        }
        return new SaleFacts(sale.saleId(), sale.storeId(), businessDay, local.getHour(), sale.currency(),
                sale.total(), items, products, new ArrayList<>(references), blankToNull(sale.customerRef()),
                sale.ageBand());
    }

    /** A whole quantity counts its units; a weighed one (0.532 kg) is one item. Voids count negative. */
    static long items(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return quantity.longValueExact();
        }
        return quantity.signum();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
