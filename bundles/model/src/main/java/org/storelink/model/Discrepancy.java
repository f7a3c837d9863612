package org.storelink.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reconciliation result that needs a person: published on {@link #ADDRESS} for partners and the store's books.
 *
 * @param discrepancyId stable per store, day and subject, so a re-run publishes nothing new for the same finding
 * @param state {@code sale-without-payment}, {@code payment-without-sale}, {@code amount-mismatch},
 *     {@code settlement-without-payment} or {@code payment-not-settled}
 * @param saleId the POS sale involved, or null
 * @param paymentId the payment involved, or null
 * @param settlementId the bank entry involved, or null
 * @param expected what the POS side says (minor units), or null
 * @param actual what the payment or bank side says (minor units), or null
 */
public record Discrepancy(
        String discrepancyId,
        String storeId,
        LocalDate businessDay,
        String state,
        String saleId,
        String paymentId,
        String settlementId,
        Long expected,
        Long actual,
        String currency,
        String detail,
        Instant detectedAt) {

    /** The address discrepancies are published on. */
    public static final String ADDRESS = "storelink.reconciliation.discrepancy";
}
