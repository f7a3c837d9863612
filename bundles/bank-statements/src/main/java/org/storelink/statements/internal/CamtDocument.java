package org.storelink.statements.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.storelink.model.Money;
import org.storelink.model.Settlement;

/** A camt.053/054 document as read: checked, amounts in minor units, not yet assigned to stores. */
record CamtDocument(CamtMessage message, List<Statement> statements) {

    CamtDocument {
        statements = List.copyOf(statements);
    }

    /**
     * One {@code Stmt} or {@code Ntfctn}.
     *
     * @param position 1-based, as in the element paths
     * @param currency {@code Acct/Ccy}, else the one currency of the balances and entries, else null
     */
    record Statement(int position, String path, String id, String account, String currency, List<Entry> entries) {
        Statement {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One {@code Ntry}.
     *
     * @param position 1-based within its statement
     * @param amount signed minor units of {@code currency}: credits positive, debits negative
     * @param status {@code Sts} (or {@code Sts/Cd}), e.g. BOOK, PDNG, INFO
     * @param bookingDate null only for an entry that is not booked
     */
    record Entry(int position, String path, long amount, String currency, String status, LocalDate bookingDate,
                 LocalDate valueDate, String accountServicerReference, String entryReference, boolean reversal,
                 List<Detail> details) {
        Entry {
            details = List.copyOf(details);
        }

        boolean booked() {
            return "BOOK".equals(status);
        }
    }

    /**
     * One {@code TxDtls}.
     *
     * @param amount signed minor units of the entry's currency, or null when the bank states none per detail
     * @param originalAmount the amount in the original (instructed) currency when it differs from the entry's,
     *     signed like the entry; else null
     * @param exchangeRate the bank's {@code CcyXchg} for that conversion, when given
     * @param accountServicerReference {@code Refs/AcctSvcrRef}, the bank's reference of this transaction
     */
    record Detail(Long amount, Money originalAmount, ExchangeRate exchangeRate, String endToEndId,
                  String accountServicerReference, String remittance, String counterparty) {

        Settlement.Detail toSettlementDetail() {
            return new Settlement.Detail(amount, originalAmount, endToEndId, remittance, counterparty);
        }
    }

    /** {@code CcyXchg} as the bank states it: source and target currency (target may be null) and the rate. */
    record ExchangeRate(String sourceCurrency, String targetCurrency, BigDecimal rate) {
    }
}
