package org.storelink.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One booked entry of a bank statement or notification (ISO 20022 camt.053 / camt.054): money that reached or
 * left a store's account, usually a card acquirer's or a payment provider's payout.
 *
 * @param settlementId the idempotency key: {@code <account>:<entry reference>} (the bank's {@code AcctSvcrRef},
 *     else the statement id and entry position)
 * @param storeId the store owning the account, or null when the account belongs to no known store
 * @param account the account's IBAN (or other id) as the statement gives it
 * @param amount signed minor units of {@code currency}: credits positive, debits negative
 * @param bookingDate the booking date in the bank's calendar
 * @param valueDate the value date, or null
 * @param details the transaction details of the entry: one for a single entry, several for a batch
 * @param statementId the statement or notification id the entry came from
 */
public record Settlement(
        String settlementId,
        String storeId,
        String account,
        long amount,
        String currency,
        LocalDate bookingDate,
        LocalDate valueDate,
        String bankReference,
        List<Detail> details,
        String statementId) {

    public Settlement {
        Objects.requireNonNull(settlementId, "settlementId");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Money.exponent(currency);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * One transaction inside an entry.
     *
     * @param amount signed minor units of the entry's currency, or null when the bank states none per detail
     * @param originalAmount the amount in the currency of the original transaction, when it differs; else null
     * @param endToEndId the payer's end-to-end reference (often the provider's batch or trade number), or null
     * @param remittance unstructured remittance information, joined, or null
     */
    public record Detail(Long amount, Money originalAmount, String endToEndId, String remittance,
            String counterparty) {
    }
}
