package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Sale;
import org.storelink.model.SaleValidator;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.SourceTransaction.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The real NCR ACS POSLog 2.1 sample in the shared data folder ({@code poslog/kjbreil_SMALL.xml}; see its
 * README). The folder is {@code -Dstorelink.sharedData} (the module's pom sets it to {@code ../../../shared/data}
 * from the module directory; a relative folder is tried from the module directory, then from the repository root),
 * and every test is skipped with a message naming the path when the file is absent.
 *
 * <p>The file states no time zone and no town; it is store 9 and its money is USD, so the store is put in a US
 * zone: America/Chicago (US Central). Which US zone is chosen changes only the offset of the sale's time, not its
 * money, its business day (stated by the file) or any count.
 */
class SharedSampleConformanceTest {

    private static final Store STORE_9 = new Store("us-9", "Store 9", "us", null, ZoneId.of("America/Chicago"),
            null);
    private static final String IXRETAIL = "http://www.nrf-arts.org/IXRetail/namespace/";

    private static Path sample;
    private static List<SourceTransaction> read;

    @BeforeAll
    static void readSample() throws Exception {
        Path shared = Path.of(System.getProperty("storelink.sharedData", "../../../shared/data"));
        sample = shared.resolve("poslog").resolve("kjbreil_SMALL.xml");
        if (!Files.isRegularFile(sample) && !shared.isAbsolute()) {
            // A relative folder may be meant from the repository root, as .ci/run passes it.
            Path fromRoot = Path.of("../..").resolve(shared).resolve("poslog").resolve("kjbreil_SMALL.xml");
            sample = Files.isRegularFile(fromRoot) ? fromRoot : sample;
        }
        if (Files.isRegularFile(sample)) {
            try (InputStream in = Files.newInputStream(sample)) {
                read = Poslogs.read(in, STORE_9, Map.of());
            }
        }
    }

    @BeforeEach
    void requireSample() {
        Assumptions.assumeTrue(read != null, "skipped: the shared POSLog sample is not at "
                + sample.toAbsolutePath().normalize() + " (set -Dstorelink.sharedData to the shared data folder)");
    }

    /** The grand total each RetailTransaction states, by store/till/sequence, read with DOM, not our reader. */
    private static Map<String, Long> statedGrandTotals() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(sample.toFile());
        Map<String, Long> totals = new HashMap<>();
        NodeList transactions = document.getElementsByTagNameNS(IXRETAIL, "Transaction");
        for (int i = 0; i < transactions.getLength(); i++) {
            Element transaction = (Element) transactions.item(i);
            String reference = text(transaction, "RetailStoreID") + "/" + text(transaction, "WorkstationID") + "/"
                    + text(transaction, "SequenceNumber");
            NodeList stated = transaction.getElementsByTagNameNS(IXRETAIL, "Total");
            for (int j = 0; j < stated.getLength(); j++) {
                Element total = (Element) stated.item(j);
                if (total.getAttribute("TotalType").equals("TransactionGrandAmount")) {
                    totals.put(reference, new BigDecimal(total.getTextContent().strip()).movePointRight(2)
                            .longValueExact());
                }
            }
        }
        return totals;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(IXRETAIL, name).item(0).getTextContent().strip();
    }

    @Test
    void theCountsAreWhatTheFileHolds() {
        // The file holds two Transaction elements, both of store 9, till 34, business day 2017-09-30:
        //  - 160 is a ControlTransaction (ReasonCode "Valid SignOn", an operator signing on): excluded, NON_SALE;
        //  - 161 is a RetailTransaction: one weighed item, a card tender, loyalty records, 14 CRM variables and
        //    totals. Nothing in it is voided, training or a return, and it balances: one accepted sale.
        assertThat(read).extracting(SourceTransaction::reference, SourceTransaction::kind)
                .containsExactly(
                        tuple("9/34/160", Kind.NON_SALE),
                        tuple("9/34/161", Kind.SALE));
        assertThat(read).filteredOn(SourceTransaction::isAccepted).hasSize(1);
        assertThat(read).filteredOn(SourceTransaction::isExcluded).hasSize(1);
        assertThat(read).filteredOn(SourceTransaction::isRejected).isEmpty();
        assertThat(read.get(0).businessDay()).isEqualTo(LocalDate.of(2017, 9, 30));
    }

    @Test
    void everySaleTotalsTheGrandTotalTheFileStates() throws Exception {
        Map<String, Long> stated = statedGrandTotals();
        // Only 161 states a grand total (1.07); the control transaction has none.
        assertThat(stated).containsExactly(Map.entry("9/34/161", 107L));
        List<SourceTransaction> sales = read.stream().filter(SourceTransaction::isAccepted).toList();
        assertThat(sales).isNotEmpty();
        for (SourceTransaction transaction : sales) {
            Sale sale = transaction.sale();
            assertThat(SaleValidator.validate(sale)).isEmpty();
            assertThat(sale.total()).as(transaction.reference()).isEqualTo(stated.get(transaction.reference()));
            assertThat(sale.statedTotal()).isEqualTo(stated.get(transaction.reference()));
            assertThat(sale.tendered()).isEqualTo(sale.total());
        }
    }

    @Test
    void theLateSaleKeepsItsBusinessDayAndItsMoney() {
        SourceTransaction transaction = read.get(1);
        Sale sale = transaction.sale();
        // Rung up after 2 a.m. on 1 October, booked to the business day of 30 September.
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2017-10-01T02:02:54-05:00"));
        assertThat(transaction.businessDay()).isEqualTo(LocalDate.of(2017, 9, 30));
        assertThat(sale.storeId()).isEqualTo("us-9");
        assertThat(sale.posId()).isEqualTo("34");
        assertThat(sale.receiptNo()).isEqualTo("161");
        // 0.42 lb of apples at 2.99 = 1.2558, the file's ExtendedAmount 1.26; the PLU 00000000067591 has a valid
        // GS1 check digit, so it is kept as that GTIN.
        assertThat(sale.lines()).singleElement().satisfies(line -> {
            assertThat(line.gtin().value()).isEqualTo("00000000067591");
            assertThat(line.name()).isEqualTo("APPLE HONEYCRISP ORG");
            assertThat(line.quantity()).isEqualByComparingTo("0.42");
            assertThat(line.unitPrice()).isEqualTo(299);
            assertThat(line.amount()).isEqualTo(126);
        });
        // The 15% member reward of -0.19 is written twice (LineItem 5 per item, LineItem 8 summarised) and the file's
        // acs:GrossNegative total is -0.19: it counts once.
        assertThat(sale.adjustments()).containsExactly(new Adjustment(AdjustmentType.LOYALTY, -19, "5123"));
        assertThat(sale.taxAdded()).isZero();
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 107, "344665"));
        assertThat(sale.change()).isZero();
    }
}
