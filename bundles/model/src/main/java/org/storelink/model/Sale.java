package org.storelink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A completed till transaction, in the canonical form every bundle works with. Amounts are minor
 * units of {@code currency}. The record itself accepts anything so that {@link SaleValidator} can
 * report every problem at once; only validated sales should travel further.
 *
 * @param occurredAt till time with its offset, kept as sent: the offset says which business day
 * @param taxAdded sales tax added on top of the line prices (US style); written as {@code tax}
 * @param taxIncluded tax already contained in the line prices (VAT style): informational only,
 *     never added to the total
 * @param change cash handed back
 * @param statedTotal the total printed on the receipt, or null; written as {@code total}
 * @param customerRef pseudonymous loyalty reference, never a name or phone number; or null
 * @param ageBand the customer's age band if the till asked, or null
 */
public record Sale(
        String storeId,
        String posId,
        String receiptNo,
        OffsetDateTime occurredAt,
        String currency,
        List<SaleLine> lines,
        @JsonProperty("tax") long taxAdded,
        long taxIncluded,
        List<Adjustment> adjustments,
        List<Tender> tenders,
        long change,
        @JsonProperty("total") Long statedTotal,
        String customerRef,
        AgeBand ageBand) {

    public Sale {
        lines = lines == null ? List.of() : List.copyOf(lines);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }

    /** The idempotency key: a till never reuses a receipt number, so a resend has the same id. */
    public String saleId() {
        return storeId + "/" + posId + "/" + receiptNo;
    }

    /** Sum of the line amounts, voids included (they are negative). */
    public long linesTotal() {
        long sum = 0;
        for (SaleLine line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        return sum;
    }

    /** What the customer owes: lines, plus tax added on top, plus (signed) adjustments. */
    public long total() {
        long sum = Math.addExact(linesTotal(), taxAdded);
        for (Adjustment adjustment : adjustments) {
            sum = Math.addExact(sum, adjustment.amount());
        }
        return sum;
    }

    /** What the customer paid: every tender less the change handed back. */
    public long tendered() {
        long sum = 0;
        for (Tender tender : tenders) {
            sum = Math.addExact(sum, tender.amount());
        }
        return Math.subtractExact(sum, change);
    }

    public Money totalMoney() {
        return new Money(total(), currency);
    }
}
