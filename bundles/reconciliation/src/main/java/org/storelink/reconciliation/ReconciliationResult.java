package org.storelink.reconciliation;

import java.util.Objects;

/**
 * One line of a day's reconciliation.
 *
 * @param subject what the line is about, unique within the store's day: {@code tender:<saleId>#<n>},
 *     {@code payment:<paymentId>}, {@code payout:<paymentId>} or {@code settlement:<settlementId>}
 * @param reference the tender's reference, the payment's merchant order number, or the bank entry's reference
 * @param expected what the POS side (or, for a payout, the payment) says, minor units; or null
 * @param actual what the payment or bank side says, minor units; or null
 * @param discrepancyId the stable id a discrepancy is published under, null for {@code matched}/{@code settled}
 */
public record ReconciliationResult(
        ResultState state,
        String subject,
        String saleId,
        String reference,
        String paymentId,
        String settlementId,
        Long expected,
        Long actual,
        String currency,
        String detail,
        String discrepancyId) {

    public ReconciliationResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(subject, "subject");
    }
}
