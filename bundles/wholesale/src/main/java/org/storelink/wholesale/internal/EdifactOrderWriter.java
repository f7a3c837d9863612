package org.storelink.wholesale.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.storelink.wholesale.internal.Edifact.Segment;

/**
 * Writes a purchase order as a UN/EDIFACT ORDERS D.03B interchange (syntax UNOC:3):
 *
 * <pre>
 * UNB+UNOC:3+buyer:14+supplier:14+261126:1800+20261126A1B2C3'
 * UNH+1+ORDERS:D:03B:UN'
 * BGM+220+PO-20261126-A1B2C3+9'
 * DTM+137:20261126:102'
 * NAD+BY+buyer::9'  NAD+SU+supplier::9'  NAD+DP+east::92'
 * CUX+2:CNY:9'
 * LIN+1++06901234567892:SRV'  QTY+21:240'  PRI+AAA:2.30'   (per line)
 * UNS+S'
 * UNT+n+1'
 * UNZ+1+20261126A1B2C3'
 * </pre>
 *
 * A party id of 13 digits is taken as a GLN (qualifier 14 in UNB, agency 9 in NAD); any other is mutually defined
 * (ZZZ) and assigned by the buyer (92).
 */
final class EdifactOrderWriter {
    private static final DateTimeFormatter UNB_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter UNB_TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private EdifactOrderWriter() {
    }

    static byte[] write(PurchaseOrder order, Parties parties) {
        return Edifact.write(segments(order, parties));
    }

    static List<Segment> segments(PurchaseOrder order, Parties parties) {
        String control = controlReference(order.poId());
        List<Segment> message = new ArrayList<>();
        message.add(Segment.of("UNH", "1", List.of("ORDERS", "D", "03B", "UN")));
        message.add(Segment.of("BGM", "220", order.poId(), "9"));
        message.add(Segment.of("DTM", List.of("137", order.issuedAt().format(DAY), "102")));
        message.add(Segment.of("NAD", "BY", List.of(parties.buyerId(), "", agency(parties.buyerId()))));
        message.add(Segment.of("NAD", "SU", List.of(parties.supplierId(), "", agency(parties.supplierId()))));
        message.add(Segment.of("NAD", "DP", List.of(parties.regionId(), "", "92")));
        message.add(Segment.of("CUX", List.of("2", order.currency(), "9")));
        for (PurchaseOrder.Line line : order.lines()) {
            message.add(Segment.of("LIN", Integer.toString(line.lineNo()), "", List.of(line.gtin().value(), "SRV")));
            message.add(Segment.of("QTY", List.of("21", Long.toString(line.quantity()))));
            message.add(Segment.of("PRI", List.of("AAA", UblOrderWriter.decimal(line.unitPriceMinor(),
                    order.currency()))));
        }
        message.add(Segment.of("UNS", "S"));
        message.add(Segment.of("UNT", Integer.toString(message.size() + 1), "1"));

        List<Segment> interchange = new ArrayList<>();
        interchange.add(Segment.of("UNB", List.of("UNOC", "3"), List.of(parties.buyerId(), qualifier(parties.buyerId())),
                List.of(parties.supplierId(), qualifier(parties.supplierId())),
                List.of(order.issuedAt().format(UNB_DATE), order.issuedAt().format(UNB_TIME)), control));
        interchange.addAll(message);
        interchange.add(Segment.of("UNZ", "1", control));
        return interchange;
    }

    /** At most 14 alphanumerics: the purchase order id without its prefix and dashes. */
    static String controlReference(String poId) {
        String letters = poId.replaceAll("[^A-Za-z0-9]", "");
        if (letters.startsWith("PO")) {
            letters = letters.substring(2);
        }
        return letters.length() <= 14 ? letters : letters.substring(letters.length() - 14);
    }

    private static boolean gln(String id) {
        return id.matches("[0-9]{13}");
    }

    private static String qualifier(String id) {
        return gln(id) ? "14" : "ZZZ";
    }

    private static String agency(String id) {
        return gln(id) ? "9" : "92";
    }
}
