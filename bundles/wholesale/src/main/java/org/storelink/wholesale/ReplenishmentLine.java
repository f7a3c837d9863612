package org.storelink.wholesale;

import java.math.BigDecimal;

import org.storelink.model.Gtin;
import org.storelink.model.Money;

/**
 * One product's replenishment figures. Quantities are units (kg for goods sold by weight), to 3 decimals.
 *
 * @param meanDaily         mean units sold per business day over the history, days without sales included
 * @param sigmaDaily        sample standard deviation of the daily units
 * @param reorderPoint      meanDaily × lead time + z × sigmaDaily × √lead time
 * @param target            reorderPoint + meanDaily × review period
 * @param onHand            last count + deliveries since − sales since (0 + deliveries − sales when never counted)
 * @param counted           whether a stock count exists
 * @param onOrder           ordered on the platform and not yet received
 * @param position          onHand + onOrder
 * @param suggestedQuantity units to order, a multiple of packSize: up to the target once position ≤ reorderPoint
 * @param unitPrice         the supplier's tier price for the suggested quantity (for one pack when none)
 */
public record ReplenishmentLine(Gtin gtin, String name, String supplierId, int packSize, int leadTimeDays,
                                BigDecimal meanDaily, BigDecimal sigmaDaily, BigDecimal reorderPoint,
                                BigDecimal target, BigDecimal onHand, boolean counted, BigDecimal onOrder,
                                BigDecimal position, long suggestedQuantity, Money unitPrice) {

    public long packs() {
        return suggestedQuantity / packSize;
    }
}
