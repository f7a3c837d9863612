package org.storelink.pos.platform.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Square's Money object: {@code {"amount": <integer minor units>, "currency": "<ISO 4217>"}}. */
final class SquareMoney {

    private SquareMoney() {
    }

    /**
     * The amount in minor units, as Square states it (JPY 100 is 100 yen, USD 100 is one dollar).
     *
     * @param expected the currency it must be in, or null to accept any valid one
     * @return the amount, or null after recording a finding
     */
    static Long amount(Findings findings, JsonNode money, String at, String expected) {
        String currency = JsonBody.currency(findings, money, "currency", at + ".currency");
        Long amount = JsonBody.minorInteger(findings, money, "amount", at + ".amount");
        if (currency != null && expected != null && !currency.equals(expected)) {
            findings.unmappable(at + ".currency", "is " + currency + " but the order is in " + expected);
            return null;
        }
        return currency == null ? null : amount;
    }
}
