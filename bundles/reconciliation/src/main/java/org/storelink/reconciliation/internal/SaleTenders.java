package org.storelink.reconciliation.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.storelink.model.Sale;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

/** What reconciliation keeps of a sale: where and when, and the tenders that need a payment. */
record SaleTenders(String saleId, String storeId, LocalDate businessDay, OffsetDateTime occurredAt, String currency,
        List<NonCashTender> tenders) {

    SaleTenders {
        tenders = List.copyOf(tenders);
    }

    /** @param seq the tender's 1-based position in the sale, so a subject stays the same across runs */
    record NonCashTender(int seq, TenderType type, long amount, String reference) {
    }

    static SaleTenders of(Sale sale, LocalDate businessDay) {
        List<NonCashTender> tenders = new java.util.ArrayList<>();
        int seq = 0;
        for (Tender tender : sale.tenders()) {
            seq++;
            if (tender.type() != TenderType.CASH) {
                tenders.add(new NonCashTender(seq, tender.type(), tender.amount(), blankToNull(tender.reference())));
            }
        }
        return new SaleTenders(sale.saleId(), sale.storeId(), businessDay, sale.occurredAt(), sale.currency(),
                tenders);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
