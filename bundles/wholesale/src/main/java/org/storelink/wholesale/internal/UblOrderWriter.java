package org.storelink.wholesale.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.storelink.model.Money;

/**
 * Writes a purchase order as an OASIS UBL 2.1 Order with StAX. Amounts are decimals in the order's currency
 * ({@code currencyID}); quantities are units ({@code unitCode="EA"}); products are identified by their GTIN
 * ({@code StandardItemIdentification/ID schemeID="0160"}, the GS1 scheme of ISO 6523).
 */
final class UblOrderWriter {
    static final String ORDER_NS = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";
    static final String CAC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String GTIN_SCHEME = "0160";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private UblOrderWriter() {
    }

    static byte[] write(PurchaseOrder order, Parties parties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ORDER_NS);
            xml.setPrefix("cac", CAC_NS);
            xml.setPrefix("cbc", CBC_NS);
            xml.writeStartElement(ORDER_NS, "Order");
            xml.writeDefaultNamespace(ORDER_NS);
            xml.writeNamespace("cac", CAC_NS);
            xml.writeNamespace("cbc", CBC_NS);
            cbc(xml, "UBLVersionID", "2.1");
            cbc(xml, "ID", order.poId());
            cbc(xml, "IssueDate", order.issuedAt().toLocalDate().toString());
            cbc(xml, "IssueTime", order.issuedAt().toOffsetTime().format(DateTimeFormatter.ISO_OFFSET_TIME));
            cbc(xml, "DocumentCurrencyCode", order.currency());

            xml.writeStartElement(CAC_NS, "BuyerCustomerParty");
            party(xml, parties.buyerId(), parties.buyerName());
            xml.writeEndElement();
            xml.writeStartElement(CAC_NS, "SellerSupplierParty");
            party(xml, parties.supplierId(), parties.supplierName());
            xml.writeEndElement();

            xml.writeStartElement(CAC_NS, "Delivery");
            xml.writeStartElement(CAC_NS, "DeliveryLocation");
            cbc(xml, "ID", parties.regionId());
            cbc(xml, "Description", parties.regionName());
            xml.writeEndElement();
            xml.writeEndElement();

            Money total = order.total();
            xml.writeStartElement(CAC_NS, "AnticipatedMonetaryTotal");
            amount(xml, "LineExtensionAmount", total.minor(), order.currency());
            amount(xml, "PayableAmount", total.minor(), order.currency());
            xml.writeEndElement();

            for (PurchaseOrder.Line line : order.lines()) {
                xml.writeStartElement(CAC_NS, "OrderLine");
                xml.writeStartElement(CAC_NS, "LineItem");
                cbc(xml, "ID", Integer.toString(line.lineNo()));
                xml.writeStartElement(CBC_NS, "Quantity");
                xml.writeAttribute("unitCode", "EA");
                xml.writeCharacters(Long.toString(line.quantity()));
                xml.writeEndElement();
                amount(xml, "LineExtensionAmount", Math.multiplyExact(line.quantity(), line.unitPriceMinor()),
                        order.currency());
                xml.writeStartElement(CAC_NS, "Price");
                amount(xml, "PriceAmount", line.unitPriceMinor(), order.currency());
                xml.writeStartElement(CBC_NS, "BaseQuantity");
                xml.writeAttribute("unitCode", "EA");
                xml.writeCharacters("1");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(CAC_NS, "Item");
                cbc(xml, "Description", "pack of " + line.packSize());
                cbc(xml, "PackSizeNumeric", Integer.toString(line.packSize()));
                cbc(xml, "Name", line.name());
                xml.writeStartElement(CAC_NS, "StandardItemIdentification");
                xml.writeStartElement(CBC_NS, "ID");
                xml.writeAttribute("schemeID", GTIN_SCHEME);
                xml.writeCharacters(line.gtin().value());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("UBL Order " + order.poId() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void party(XMLStreamWriter xml, String id, String name) throws XMLStreamException {
        xml.writeStartElement(CAC_NS, "Party");
        xml.writeStartElement(CAC_NS, "PartyIdentification");
        cbc(xml, "ID", id);
        xml.writeEndElement();
        xml.writeStartElement(CAC_NS, "PartyName");
        cbc(xml, "Name", name);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void cbc(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(CBC_NS, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void amount(XMLStreamWriter xml, String name, long minor, String currency)
            throws XMLStreamException {
        xml.writeStartElement(CBC_NS, name);
        xml.writeAttribute("currencyID", currency);
        xml.writeCharacters(decimal(minor, currency));
        xml.writeEndElement();
    }

    static String decimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, Money.exponent(currency)).toPlainString();
    }
}
