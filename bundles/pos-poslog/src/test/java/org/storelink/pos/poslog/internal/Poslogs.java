package org.storelink.pos.poslog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.storelink.model.Store;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/** Test fixtures: POSLog documents written by hand in the NCR ACS 2.1 style, and a way to read them. */
final class Poslogs {

    static final String IXRETAIL = "http://www.nrf-arts.org/IXRetail/namespace/";
    static final String ACS = "http://www.ncr.com/rsd/acs/tlog/markup/poslog/2.1";
    /** The fixtures' till runs in Chicago (US Central), like the shared NCR ACS sample is read. */
    static final Store CHICAGO = new Store("us-9", "Store 9", "us", null, ZoneId.of("America/Chicago"), null);

    private Poslogs() {
    }

    static List<SourceTransaction> read(String xml) throws UnreadableSourceException {
        return read(xml, Map.of());
    }

    static List<SourceTransaction> read(String xml, Map<String, String> options) throws UnreadableSourceException {
        return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), CHICAGO, options);
    }

    static List<SourceTransaction> read(InputStream in, Store store, Map<String, String> options)
            throws UnreadableSourceException {
        List<SourceTransaction> read = new ArrayList<>();
        try {
            new PoslogFormat().read(in, new SourceContext(store, "test.xml", options), read::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    static SourceTransaction only(String xml) throws UnreadableSourceException {
        List<SourceTransaction> read = read(xml);
        if (read.size() != 1) {
            throw new AssertionError("expected one transaction, read " + read);
        }
        return read.get(0);
    }

    /** A POSLog document of the given transactions, with the namespaces of an NCR ACS export. */
    static String poslog(String... transactions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<POSLog xmlns=\"" + IXRETAIL + "\" xmlns:acs=\"" + ACS
                + "\" xmlns:raw=\"http://www.ncr.com/rsd/acs/tlog/markup/raw/base/6.1\">\n"
                + String.join("\n", transactions) + "\n</POSLog>\n";
    }

    /** A Transaction of store 9, till 34, dated like the shared sample's late transactions (no zone). */
    static String transaction(String sequence, String body) {
        return transaction("", sequence, body);
    }

    static String transaction(String attributes, String sequence, String body) {
        return "<Transaction" + attributes + "><RetailStoreID>9</RetailStoreID><WorkstationID>34</WorkstationID>"
                + "<SequenceNumber>" + sequence + "</SequenceNumber><BusinessDayDate>2017-09-30</BusinessDayDate>"
                + "<EndDateTime>2017-10-01T02:02:54</EndDateTime><CurrencyCode>USD</CurrencyCode>" + body
                + "</Transaction>";
    }

    static String retail(String... lineItemsAndTotals) {
        return "<RetailTransaction Version=\"2.1\">" + String.join("", lineItemsAndTotals) + "</RetailTransaction>";
    }

    /** An item line as NCR ACS writes it: both price and ExtendedAmount, zero discounts. */
    static String sale(int sequence, String code, String price, String extended, String quantity) {
        return sale(sequence, "", code, price, extended, quantity);
    }

    static String sale(int sequence, String lineItemAttributes, String code, String price, String extended,
            String quantity) {
        return "<LineItem EntryMethod=\"Scanned\"" + lineItemAttributes + "><SequenceNumber>" + sequence
                + "</SequenceNumber><Sale ItemType=\"Stock\"><POSIdentity POSIDType=\"GTIN\"><POSItemID>" + code
                + "</POSItemID></POSIdentity><ItemID>" + code + "</ItemID><Description>ITEM " + sequence
                + "        </Description><RegularSalesUnitPrice>" + price + "</RegularSalesUnitPrice><ExtendedAmount>"
                + extended + "</ExtendedAmount><DiscountAmount>0.00</DiscountAmount><ExtendedDiscountAmount>0.00"
                + "</ExtendedDiscountAmount><Quantity>" + quantity + "</Quantity><acs:OperatorSequence>" + sequence
                + "</acs:OperatorSequence></Sale></LineItem>";
    }

    static String card(int sequence, String amount, String reference) {
        return "<LineItem EntryMethod=\"MSR\"><SequenceNumber>" + sequence + "</SequenceNumber>"
                + "<Tender TenderType=\"CreditDebit\" TypeCode=\"Sale\" acs:TenderDescription=\"TenderType12\">"
                + "<TenderID>12</TenderID><Amount>" + amount + "</Amount><Authorization HostAuthorized=\"true\">"
                + "<ReferenceNumber>" + reference + "</ReferenceNumber></Authorization><CreditDebit CardType=\"Debit\"/>"
                + "</Tender></LineItem>";
    }

    static String cash(int sequence, String amount) {
        return "<LineItem><SequenceNumber>" + sequence + "</SequenceNumber><Tender TenderType=\"Cash\" TypeCode=\"Sale\""
                + " acs:TenderDescription=\"TenderType1\"><TenderID>1</TenderID><Amount>" + amount
                + "</Amount></Tender></LineItem>";
    }

    /** Change as NCR ACS writes it: a negative cash tender that holds the TenderChange. */
    static String acsChange(int sequence, String amount) {
        return "<LineItem><SequenceNumber>" + sequence + "</SequenceNumber><Tender TenderType=\"Cash\" TypeCode=\"Sale\">"
                + "<TenderID>1</TenderID><Amount>-" + amount + "</Amount><TenderChange><Amount>-" + amount
                + "</Amount></TenderChange></Tender></LineItem>";
    }

    static String tax(int sequence, String amount) {
        return "<LineItem EntryMethod=\"acs:Auto\"><SequenceNumber>" + sequence + "</SequenceNumber><Tax acs:TaxID=\"1\">"
                + "<TaxableAmount>9.28</TaxableAmount><Amount>" + amount + "</Amount><Reason>Charged</Reason></Tax>"
                + "</LineItem>";
    }

    static String grand(String amount) {
        return "<Total TotalType=\"TransactionGrandAmount\">" + amount + "</Total>";
    }

    static String total(String type, String amount) {
        return "<Total TotalType=\"" + type + "\">" + amount + "</Total>";
    }

    static String control(String sequence) {
        return transaction(sequence, "<ControlTransaction Version=\"2.1\"><ReasonCode>Valid SignOn</ReasonCode>"
                + "<OperatorSignOn><OpenBusinessDayDate>2017-09-30</OpenBusinessDayDate></OperatorSignOn>"
                + "</ControlTransaction>");
    }

    /** A small sale that is valid in every respect: one can, paid by card. */
    static String validSale(String sequence) {
        return transaction(sequence, retail(sale(1, "00012993221201", "3.99", "3.99", "1"),
                card(2, "3.99", "R" + sequence), grand("3.99"), total("TransactionTaxAmount", "0.00")));
    }
}
