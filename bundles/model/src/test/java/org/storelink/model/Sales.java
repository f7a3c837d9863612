package org.storelink.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Test fixtures: small, valid sales to bend one rule at a time. */
public final class Sales {

    public static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-26T09:15:30+08:00");
    public static final Gtin TEA = Gtin.parse("6901234567892");
    public static final Gtin APPLES = Gtin.parse("4006381333931");

    private Sales() {
    }

    public static SaleLine line(int lineNo, Gtin gtin, String quantity, long unitPrice) {
        return new SaleLine(lineNo, gtin, "item " + lineNo, new BigDecimal(quantity), unitPrice, 0, null, null);
    }

    public static SaleLine voiding(int lineNo, Gtin gtin, String quantity, long unitPrice, int voids) {
        return new SaleLine(lineNo, gtin, "void", new BigDecimal(quantity), unitPrice, 0, null, voids);
    }

    public static Tender tender(TenderType type, long amount) {
        return new Tender(type, amount, null);
    }

    /** Two teas at CNY 3.50 paid by Alipay: balanced and valid. */
    public static Sale tea() {
        return sale(List.of(line(1, TEA, "2", 350)), List.of(tender(TenderType.ALIPAY, 700)));
    }

    public static Sale sale(List<SaleLine> lines, List<Tender> tenders) {
        return new Sale("s1", "till-1", "000123", AT, "CNY", lines, 0, 0, List.of(), tenders, 0, null, null, null);
    }
}
