package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.wholesale.LineStatus;
import org.storelink.wholesale.internal.Edifact.Segment;
import org.w3c.dom.Document;

class DocumentsTest {
    static final Gtin TEA = Gtin.parse("6901234567892");
    static final Gtin COFFEE = Gtin.parse("4006381333931");
    static final Parties PARTIES = new Parties("6900000000018", "storelink", "6912345000004", "ACME Wholesale",
            "east", "East China");

    static PurchaseOrder order() {
        return new PurchaseOrder("PO-20261126-K3J9Q2M4", "acme", "east", "CNY", DocumentFormat.UBL,
                OffsetDateTime.parse("2026-11-26T18:00:00+08:00"), PurchaseOrder.UNSENT, 0, null, List.of(
                new PurchaseOrder.Line(1, COFFEE, "Coffee beans 1kg", 6, 36, 8950, LineStatus.OPEN, null, null,
                        null),
                new PurchaseOrder.Line(2, TEA, "Green tea 500ml & more", 24, 240, 230, LineStatus.OPEN, null, null,
                        null)));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        Map<String, String> namespaces = Map.of("o", UblOrderWriter.ORDER_NS, "cac", UblOrderWriter.CAC_NS,
                "cbc", UblOrderWriter.CBC_NS);
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return namespaces.get(prefix);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    @Test
    void ublOrderCarriesHeaderPartiesTotalsAndLines() throws Exception {
        byte[] xml = UblOrderWriter.write(order(), PARTIES);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = xpath();

        assertThat(x.evaluate("local-name(/*)", document)).isEqualTo("Order");
        assertThat(x.evaluate("namespace-uri(/*)", document)).isEqualTo(UblOrderWriter.ORDER_NS);
        assertThat(x.evaluate("/o:Order/cbc:UBLVersionID", document)).isEqualTo("2.1");
        assertThat(x.evaluate("/o:Order/cbc:ID", document)).isEqualTo("PO-20261126-K3J9Q2M4");
        assertThat(x.evaluate("/o:Order/cbc:IssueDate", document)).isEqualTo("2026-11-26");
        assertThat(x.evaluate("/o:Order/cbc:IssueTime", document)).isEqualTo("18:00:00+08:00");
        assertThat(x.evaluate("/o:Order/cbc:DocumentCurrencyCode", document)).isEqualTo("CNY");
        assertThat(x.evaluate("/o:Order/cac:BuyerCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID",
                document)).isEqualTo("6900000000018");
        assertThat(x.evaluate("/o:Order/cac:SellerSupplierParty/cac:Party/cac:PartyName/cbc:Name", document))
                .isEqualTo("ACME Wholesale");
        assertThat(x.evaluate("/o:Order/cac:Delivery/cac:DeliveryLocation/cbc:ID", document)).isEqualTo("east");
        // 36 x 89.50 + 240 x 2.30 = 3222.00 + 552.00
        assertThat(x.evaluate("/o:Order/cac:AnticipatedMonetaryTotal/cbc:PayableAmount", document))
                .isEqualTo("3774.00");
        assertThat(x.evaluate("/o:Order/cac:AnticipatedMonetaryTotal/cbc:PayableAmount/@currencyID", document))
                .isEqualTo("CNY");
        assertThat(x.evaluate("count(/o:Order/cac:OrderLine)", document)).isEqualTo("2");
        String line2 = "/o:Order/cac:OrderLine[2]/cac:LineItem";
        assertThat(x.evaluate(line2 + "/cbc:ID", document)).isEqualTo("2");
        assertThat(x.evaluate(line2 + "/cbc:Quantity", document)).isEqualTo("240");
        assertThat(x.evaluate(line2 + "/cbc:Quantity/@unitCode", document)).isEqualTo("EA");
        assertThat(x.evaluate(line2 + "/cbc:LineExtensionAmount", document)).isEqualTo("552.00");
        assertThat(x.evaluate(line2 + "/cac:Price/cbc:PriceAmount", document)).isEqualTo("2.30");
        assertThat(x.evaluate(line2 + "/cac:Item/cbc:Name", document)).isEqualTo("Green tea 500ml & more");
        assertThat(x.evaluate(line2 + "/cac:Item/cac:StandardItemIdentification/cbc:ID", document))
                .isEqualTo("06901234567892");
        assertThat(x.evaluate(line2 + "/cac:Item/cac:StandardItemIdentification/cbc:ID/@schemeID", document))
                .isEqualTo("0160");
    }

    @Test
    void edifactOrdersReadsBackSegmentBySegmentWithStaedi() throws Exception {
        byte[] edi = EdifactOrderWriter.write(order(), PARTIES);
        List<Segment> segments = Edifact.read(edi);
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "BGM", "DTM", "NAD", "NAD",
                "NAD", "CUX", "LIN", "QTY", "PRI", "LIN", "QTY", "PRI", "UNS", "UNT", "UNZ");
        Segment unb = segments.get(0);
        assertThat(unb.value(1, 1)).isEqualTo("UNOC");
        assertThat(unb.value(1, 2)).isEqualTo("3");
        assertThat(unb.value(2, 1)).isEqualTo("6900000000018");
        assertThat(unb.value(2, 2)).isEqualTo("14");
        assertThat(unb.value(3, 1)).isEqualTo("6912345000004");
        assertThat(unb.value(4, 1)).isEqualTo("261126");
        assertThat(unb.value(4, 2)).isEqualTo("1800");
        assertThat(unb.value(5)).isEqualTo("261126K3J9Q2M4");
        Segment unh = segments.get(1);
        assertThat(List.of(unh.value(2, 1), unh.value(2, 2), unh.value(2, 3), unh.value(2, 4)))
                .containsExactly("ORDERS", "D", "03B", "UN");
        assertThat(segments.get(2).elements()).containsExactly(List.of("220"), List.of("PO-20261126-K3J9Q2M4"),
                List.of("9"));
        assertThat(segments.get(3).elements()).containsExactly(List.of("137", "20261126", "102"));
        assertThat(segments.get(4).value(1)).isEqualTo("BY");
        assertThat(segments.get(4).value(2, 3)).isEqualTo("9");
        assertThat(segments.get(5).value(1)).isEqualTo("SU");
        assertThat(segments.get(6).value(2, 1)).isEqualTo("east");
        assertThat(segments.get(7).value(1, 2)).isEqualTo("CNY");
        assertThat(segments.get(11).value(1)).isEqualTo("2");
        assertThat(segments.get(11).value(3, 1)).isEqualTo("06901234567892");
        assertThat(segments.get(11).value(3, 2)).isEqualTo("SRV");
        assertThat(segments.get(12).elements()).containsExactly(List.of("21", "240"));
        assertThat(segments.get(13).elements()).containsExactly(List.of("AAA", "2.30"));
        // UNH to UNT inclusive: 15 segments
        assertThat(segments.get(15).elements()).containsExactly(List.of("15"), List.of("1"));
        assertThat(segments.get(16).elements()).containsExactly(List.of("1"), List.of("261126K3J9Q2M4"));
    }

    static String ordrsp(String bgmFunction, String... lines) {
        StringBuilder edi = new StringBuilder("UNA:+.? 'UNB+UNOC:3+6912345000004:14+6900000000018:14+261127:0900+R1'"
                + "UNH+1+ORDRSP:D:03B:UN'BGM+231+RSP-77+" + bgmFunction + "'DTM+137:20261127:102'"
                + "RFF+ON:PO-20261126-K3J9Q2M4'CUX+2:CNY:9'");
        int segments = 5;
        for (String line : lines) {
            edi.append(line);
            segments += line.split("'").length;
        }
        edi.append("UNS+S'UNT+").append(segments + 2).append("+1'UNZ+1+R1'");
        return edi.toString();
    }

    @Test
    void ordrspLinesAcceptedChangedAndRejected() throws Exception {
        String edi = ordrsp("4",
                "LIN+1+5+04006381333931:SRV'",
                "LIN+2+3+06901234567892:SRV'QTY+21:240'QTY+113:192'PRI+AAA:2.40'DTM+69:20261129:102'");
        OrderResponse response = EdifactResponseReader.read(edi.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.responseId()).isEqualTo("RSP-77");
        assertThat(response.purchaseOrderId()).isEqualTo("PO-20261126-K3J9Q2M4");
        assertThat(response.currency()).isEqualTo("CNY");
        assertThat(response.lines()).containsExactly(
                new OrderResponse.Line(1, COFFEE, LineStatus.ACCEPTED, null, null, null),
                new OrderResponse.Line(2, TEA, LineStatus.CHANGED, 192L, "2.40", LocalDate.of(2026, 11, 29)));

        OrderResponse rejected = EdifactResponseReader.read(ordrsp("4", "LIN+2+7+06901234567892:SRV'")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(rejected.lines()).singleElement().extracting(OrderResponse.Line::status)
                .isEqualTo(LineStatus.REJECTED);
        assertThat(EdifactResponseReader.read(ordrsp("27").getBytes(StandardCharsets.ISO_8859_1)).rejectedWhole())
                .isTrue();
    }

    @Test
    void malformedOrdrspNamesEveryProblem() {
        String edi = ordrsp("4", "LIN+X+9+12345:SRV'QTY+113:1.5'");
        assertThatThrownBy(() -> EdifactResponseReader.read(edi.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("LIN: line number 'X' is not a number")
                .hasMessageContaining("action '9' is not 5 (accepted), 3 (changed) or 7")
                .hasMessageContaining("item number must be 8, 12, 13 or 14 digits")
                .hasMessageContaining("QTY+113 '1.5' is not a whole number of units");
        assertThatThrownBy(() -> EdifactResponseReader.read("UNB+UNOC:3+A+B+261127:0900+R1'UNH+1+ORDRSP:D:03B:UN'"
                .getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(MalformedResponseException.class).hasMessageStartingWith("EDIFACT: ");
        assertThatThrownBy(() -> EdifactResponseReader.read("hello".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(MalformedResponseException.class);
    }

    static String ublResponse(String code, String lines) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OrderResponse xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2\""
                + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
                + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                + "<cbc:UBLVersionID>2.1</cbc:UBLVersionID><cbc:ID>RSP-9</cbc:ID>"
                + "<cbc:IssueDate>2026-11-27</cbc:IssueDate><cbc:OrderResponseCode>" + code
                + "</cbc:OrderResponseCode><cbc:DocumentCurrencyCode>CNY</cbc:DocumentCurrencyCode>"
                + "<cac:OrderReference><cbc:ID>PO-20261126-K3J9Q2M4</cbc:ID></cac:OrderReference>" + lines
                + "</OrderResponse>";
    }

    static String ublLine(int lineNo, String status, String quantity, String price, String date, String gtin) {
        return "<cac:OrderLine><cac:LineItem><cbc:ID>" + lineNo + "</cbc:ID><cbc:LineStatusCode>" + status
                + "</cbc:LineStatusCode>" + (quantity == null ? "" : "<cbc:Quantity unitCode=\"EA\">" + quantity
                + "</cbc:Quantity>") + (date == null ? "" : "<cac:Delivery><cac:PromisedDeliveryPeriod>"
                + "<cbc:EndDate>" + date + "</cbc:EndDate></cac:PromisedDeliveryPeriod></cac:Delivery>")
                + (price == null ? "" : "<cac:Price><cbc:PriceAmount currencyID=\"CNY\">" + price
                + "</cbc:PriceAmount></cac:Price>") + (gtin == null ? "" : "<cac:Item><cac:StandardItemIdentification>"
                + "<cbc:ID schemeID=\"0160\">" + gtin + "</cbc:ID></cac:StandardItemIdentification></cac:Item>")
                + "</cac:LineItem><cac:OrderLineReference><cbc:LineID>" + lineNo
                + "</cbc:LineID></cac:OrderLineReference></cac:OrderLine>";
    }

    @Test
    void ublOrderResponseLinesAcceptedChangedAndRejected() throws Exception {
        String xml = ublResponse("CA", ublLine(1, "7", null, null, null, "04006381333931")
                + ublLine(2, "3", "192", "2.40", "2026-11-29", "06901234567892"));
        OrderResponse response = UblResponseReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(response.responseId()).isEqualTo("RSP-9");
        assertThat(response.purchaseOrderId()).isEqualTo("PO-20261126-K3J9Q2M4");
        assertThat(response.acceptedWhole()).isFalse();
        assertThat(response.lines()).containsExactly(
                new OrderResponse.Line(1, COFFEE, LineStatus.REJECTED, null, null, null),
                new OrderResponse.Line(2, TEA, LineStatus.CHANGED, 192L, "2.40", LocalDate.of(2026, 11, 29)));
        OrderResponse accepted = UblResponseReader.read(ublResponse("AP", "").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.acceptedWhole()).isTrue();
        assertThat(accepted.lines()).isEmpty();
    }

    @Test
    void malformedUblResponsesAreNamed() {
        assertThatThrownBy(() -> UblResponseReader.read(ublResponse("XX", ublLine(1, "9", "2.5", null, "tomorrow",
                null)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("OrderResponseCode: 'XX' is not AP, RE, CA or AB")
                .hasMessageContaining("OrderLine[1]: LineStatusCode '9' is not 5, 3 or 7")
                .hasMessageContaining("OrderLine[1]: Quantity '2.5' is not a whole number of units")
                .hasMessageContaining("OrderLine[1]: PromisedDeliveryPeriod date 'tomorrow' is not YYYY-MM-DD");
        assertThatThrownBy(() -> UblResponseReader.read("<Order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("the root must be OrderResponse");
        assertThatThrownBy(() -> UblResponseReader.read("<OrderResponse".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("XML: not well-formed");
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OrderResponse xmlns=\"" + UblResponseReader.RESPONSE_NS + "\"><ID>&x;</ID></OrderResponse>";
        assertThatThrownBy(() -> UblResponseReader.read(entity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class);
    }
}
