package org.storelink.model;

/**
 * A change to the whole transaction rather than to one line, such as a coupon or cash rounding.
 *
 * @param amount signed minor units added to the total: a coupon is negative
 * @param reference coupon code or loyalty account, or null
 */
public record Adjustment(AdjustmentType type, long amount, String reference) {
}
