package org.storelink.model;

/**
 * One payment towards a sale.
 *
 * @param amount minor units of the sale's currency, as handed over (cash before change)
 * @param reference the payment provider's transaction id, or null (cash)
 */
public record Tender(TenderType type, long amount, String reference) {
}
