package org.storelink.wholesale.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.wholesale.LineStatus;

/** A central purchase order to one supplier for one region, as stored. */
record PurchaseOrder(String poId, String supplierId, String regionId, String currency, DocumentFormat format,
                     OffsetDateTime issuedAt, String status, int sendAttempts, String lastProblem,
                     List<Line> lines) {
    static final String UNSENT = "unsent";
    static final String SENT = "sent";
    static final String ANSWERED = "answered";

    record Line(int lineNo, Gtin gtin, String name, int packSize, long quantity, long unitPriceMinor,
                LineStatus status, Long confirmedQuantity, Long confirmedPriceMinor, LocalDate deliveryDate) {
    }

    PurchaseOrder {
        lines = List.copyOf(lines);
    }

    Optional<Line> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo() == lineNo).findFirst();
    }

    Money total() {
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, Math.multiplyExact(line.quantity(), line.unitPriceMinor()));
        }
        return new Money(sum, currency);
    }
}
