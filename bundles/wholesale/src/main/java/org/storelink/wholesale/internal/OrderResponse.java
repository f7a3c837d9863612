package org.storelink.wholesale.internal;

import java.time.LocalDate;
import java.util.List;

import org.storelink.model.Gtin;
import org.storelink.wholesale.LineStatus;

/**
 * A supplier's answer to a purchase order, read from UBL OrderResponse or EDIFACT ORDRSP.
 *
 * @param currency      the currency of the prices when the response states one
 * @param rejectedWhole the whole order was not accepted (header code RE / BGM 27): every line is rejected
 * @param lines         the answered lines; a line of the order not answered keeps its status, unless the whole
 *                      order was accepted (AP / 29), which accepts it as ordered
 */
record OrderResponse(String responseId, String purchaseOrderId, String currency, boolean acceptedWhole, boolean rejectedWhole,
                     List<Line> lines) {

    /**
     * @param lineNo       the order line it answers
     * @param gtin         the product, when stated (it must then match the order line)
     * @param quantity     the confirmed quantity, when stated
     * @param unitPrice    the new unit price as a plain decimal in the order's currency, when stated
     * @param deliveryDate the promised delivery date, when stated
     */
    record Line(int lineNo, Gtin gtin, LineStatus status, Long quantity, String unitPrice, LocalDate deliveryDate) {
    }

    OrderResponse {
        lines = List.copyOf(lines);
    }
}
