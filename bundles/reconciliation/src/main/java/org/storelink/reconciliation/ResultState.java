package org.storelink.reconciliation;

import java.util.Locale;

/** How one tender, payment or bank entry of a day came out. Every state but the two good ones is a discrepancy. */
public enum ResultState {
    /** A tender and a payment whose net equals the tender amount. */
    MATCHED,
    /** A tender and the payment it names by reference, whose net differs (refunded, closed, mistyped amount). */
    AMOUNT_MISMATCH,
    /** A non-cash tender that no payment answers. */
    SALE_WITHOUT_PAYMENT,
    /** A collected payment that no sale claims. */
    PAYMENT_WITHOUT_SALE,
    /** A payment found in a bank entry, by its reference or in a provider's daily payout. */
    SETTLED,
    /** A bank credit that explains no payment. */
    SETTLEMENT_WITHOUT_PAYMENT,
    /** A payment older than the settlement lag that no bank entry covers, while the store does send statements. */
    PAYMENT_NOT_SETTLED;

    /** {@code matched}, {@code amount-mismatch}, ...: the label in tables and events. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ResultState parse(String label) {
        for (ResultState state : values()) {
            if (state.label().equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown reconciliation state \"" + label + "\"");
    }

    /** Whether a person has to look at it. */
    public boolean discrepancy() {
        return this != MATCHED && this != SETTLED;
    }
}
