package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.wholesale.internal.TestWorld.COFFEE;
import static org.storelink.wholesale.internal.TestWorld.NOT_OFFERED;
import static org.storelink.wholesale.internal.TestWorld.NOW;
import static org.storelink.wholesale.internal.TestWorld.SHANGHAI;
import static org.storelink.wholesale.internal.TestWorld.TEA;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.wholesale.CutoffResult;
import org.storelink.wholesale.Delivery;
import org.storelink.wholesale.LineStatus;
import org.storelink.wholesale.OrderStatus;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.Replenishment;
import org.storelink.wholesale.ReplenishmentLine;
import org.storelink.wholesale.SourcingShare;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.StoreOrderLine;
import org.storelink.wholesale.WholesaleRequestException;
import org.storelink.wholesale.internal.Edifact.Segment;

class WholesaleServiceTest {
    private DataSource dataSource;
    private JdbcWholesale db;
    private TestWorld.CapturingSender sender;
    private WholesaleService service;

    DataSource newDatabase() throws Exception {
        return TestWorld.h2();
    }

    void dropDatabase(DataSource dataSource) throws Exception {
        TestWorld.shutdownH2(dataSource);
    }

    @BeforeEach
    void setUp() throws Exception {
        dataSource = newDatabase();
        sender = new TestWorld.CapturingSender();
        service = TestWorld.service(dataSource, sender, TestWorld.clock());
        db = new JdbcWholesale(dataSource);
    }

    @AfterEach
    void tearDown() throws Exception {
        dropDatabase(dataSource);
    }

    private void sale(String saleId, String store, LocalDate day, Gtin gtin, String units) {
        OffsetDateTime at = day.atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime();
        db.recordSale(saleId, store, at, day, Map.of(gtin, new BigDecimal(units)), NOW);
    }

    /** 28 days before today (2026-11-26 in Shanghai): tea 10, 14, 10, 14 ... a day. */
    private void teaHistory(String store) {
        LocalDate day = LocalDate.of(2026, 10, 29);
        for (int i = 0; i < 28; i++, day = day.plusDays(1)) {
            sale(store + "/t/" + i, store, day, TEA, i % 2 == 0 ? "10" : "14");
        }
    }

    @Test
    void aSaleIsCountedOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 20);
        OffsetDateTime at = day.atTime(9, 0).atZone(SHANGHAI).toOffsetDateTime();
        assertThat(db.recordSale("s1/p/1", "s1", at, day, Map.of(TEA, new BigDecimal("2")), NOW)).isTrue();
        assertThat(db.recordSale("s1/p/1", "s1", at, day, Map.of(TEA, new BigDecimal("2")), NOW)).isFalse();
        assertThat(db.recordSale("s1/p/2", "s1", at, day, Map.of(TEA, new BigDecimal("1.5")), NOW)).isTrue();
        assertThat(db.dailyUnits("s1", day, day).get(TEA).get(day)).isEqualByComparingTo("3.5");
    }

    @Test
    void reorderPointTargetStockAndPackRoundedSuggestion() {
        teaHistory("s1");
        // counted 20 last night; 2 sold this morning (today is not part of the history)
        service.recordStockCount("s1", new StockCount(OffsetDateTime.parse("2026-11-25T21:00:00+08:00"),
                List.of(new Quantity(TEA, new BigDecimal("20")))));
        sale("s1/t/today", "s1", LocalDate.of(2026, 11, 26), TEA, "2");
        sale("s1/x/1", "s1", LocalDate.of(2026, 11, 20), NOT_OFFERED, "1");

        Replenishment r = service.replenishment("s1").orElseThrow();
        assertThat(r.historyFrom()).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(r.historyTo()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(r.z()).isEqualByComparingTo("1.645");
        assertThat(r.notOffered()).containsExactly(NOT_OFFERED);
        ReplenishmentLine tea = r.lines().stream().filter(line -> line.gtin().equals(TEA)).findFirst().orElseThrow();
        // mean 12; sigma = sqrt(112/27) = 2.0367; ROP = 12 x 2 + 1.645 x 2.0367 x sqrt 2 = 28.738
        assertThat(tea.meanDaily()).isEqualByComparingTo("12");
        assertThat(tea.sigmaDaily()).isEqualByComparingTo("2.037");
        assertThat(tea.reorderPoint()).isEqualByComparingTo("28.738");
        assertThat(tea.target()).isEqualByComparingTo("112.738");
        assertThat(tea.onHand()).isEqualByComparingTo("18");
        assertThat(tea.counted()).isTrue();
        // 112.738 - 18 = 94.738 -> 4 packs of 24
        assertThat(tea.suggestedQuantity()).isEqualTo(96);
        assertThat(tea.packs()).isEqualTo(4);
        assertThat(tea.supplierId()).isEqualTo("acme");
        assertThat(tea.unitPrice()).isEqualTo(new Money(250, "CNY"));

        // what is on order counts towards the position; a delivery adds to the stock
        service.confirmOrder("s1", List.of());
        ReplenishmentLine after = service.replenishment("s1").orElseThrow().lines().get(0);
        assertThat(after.onOrder()).isEqualByComparingTo("96");
        assertThat(after.suggestedQuantity()).isZero();
        service.recordDelivery("s1", new Delivery(OffsetDateTime.parse("2026-11-26T09:30:00+08:00"),
                Optional.empty(), List.of(new Quantity(TEA, new BigDecimal("24")))));
        assertThat(service.replenishment("s1").orElseThrow().lines().get(0).onHand()).isEqualByComparingTo("42");
    }

    @Test
    void confirmingRefusesEveryBadLineAndRoundsToPacks() {
        assertThatThrownBy(() -> service.confirmOrder("s1", List.of(new Quantity(NOT_OFFERED, BigDecimal.ONE),
                new Quantity(TEA, BigDecimal.ZERO), new Quantity(COFFEE, BigDecimal.ONE),
                new Quantity(COFFEE, BigDecimal.TEN))))
                .isInstanceOf(WholesaleRequestException.class)
                .hasMessageContaining("lines[0].gtin: 02000000000534 is not offered by any supplier of region east")
                .hasMessageContaining("lines[1].quantity: must be above zero")
                .hasMessageContaining("lines[3].gtin: 04006381333931 is listed twice");
        assertThatThrownBy(() -> service.confirmOrder("s1", List.of()))
                .hasMessageContaining("lines: nothing to order");
        assertThatThrownBy(() -> service.confirmOrder("nope", List.of()))
                .hasMessageContaining("storeId: no store 'nope' is registered");

        StoreOrder order = service.confirmOrder("s2", List.of(new Quantity(TEA, new BigDecimal("150")),
                new Quantity(COFFEE, new BigDecimal("10"))));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.confirmedAt().getZone()).isEqualTo(SHANGHAI);
        assertThat(order.lines()).extracting(StoreOrderLine::gtin, StoreOrderLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(COFFEE, 12L),
                        org.assertj.core.groups.Tuple.tuple(TEA, 168L));
        assertThat(service.orders("s2", 10)).containsExactly(order);
    }

    /** s1 96 tea (suggestion), s2 168 tea + 12 coffee, s3 (west) 48 tea from beta. */
    private CutoffResult threeOrdersCutOff() {
        teaHistory("s1");
        service.recordStockCount("s1", new StockCount(OffsetDateTime.parse("2026-11-25T21:00:00+08:00"),
                List.of(new Quantity(TEA, new BigDecimal("18")))));
        service.confirmOrder("s1", List.of());
        service.confirmOrder("s2", List.of(new Quantity(TEA, new BigDecimal("150")),
                new Quantity(COFFEE, new BigDecimal("10"))));
        service.confirmOrder("s3", List.of(new Quantity(TEA, new BigDecimal("48"))));
        return service.cutoff();
    }

    @Test
    void cutoffAggregatesPerSupplierAndRegionAtTheTierPriceOfTheTotal() throws Exception {
        CutoffResult result = threeOrdersCutOff();

        assertThat(result.storeOrders()).isEqualTo(3);
        assertThat(result.at().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-11-26T10:00:00+08:00"));
        assertThat(result.purchaseOrders()).extracting(p -> p.supplierId() + "/" + p.regionId() + "/" + p.format()
                + "/" + p.status()).containsExactly("acme/east/ubl/sent", "beta/west/edifact/sent");
        assertThat(sender.sent).hasSize(2);

        PurchaseOrder acme = sender.sent.get(0).order();
        // 96 + 168 = 264 units of tea reach the 240 tier: 2.30 instead of 2.50
        assertThat(acme.lines()).extracting(PurchaseOrder.Line::lineNo, PurchaseOrder.Line::gtin,
                PurchaseOrder.Line::quantity, PurchaseOrder.Line::unitPriceMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, COFFEE, 12L, 9500L),
                org.assertj.core.groups.Tuple.tuple(2, TEA, 264L, 230L));
        String xml = new String(sender.sent.get(0).document(), StandardCharsets.UTF_8);
        assertThat(xml).contains("urn:oasis:names:specification:ubl:schema:xsd:Order-2")
                .contains("<cbc:PayableAmount currencyID=\"CNY\">1747.20</cbc:PayableAmount>");

        List<Segment> edi = Edifact.read(sender.sent.get(1).document());
        assertThat(edi.get(1).value(2, 1)).isEqualTo("ORDERS");
        assertThat(edi).filteredOn(s -> s.tag().equals("QTY")).singleElement()
                .extracting(s -> s.value(1, 2)).isEqualTo("48");

        StoreOrder s2 = service.orders("s2", 1).get(0);
        assertThat(s2.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(s2.lines()).filteredOn(l -> l.gtin().equals(TEA)).singleElement().satisfies(line -> {
            assertThat(line.unitPrice()).isEqualTo(new Money(230, "CNY"));
            assertThat(line.purchaseOrderId()).isEqualTo(acme.poId());
        });

        // nothing left to cut off, nothing to resend
        CutoffResult again = service.cutoff();
        assertThat(again.storeOrders()).isZero();
        assertThat(again.purchaseOrders()).isEmpty();
    }

    @Test
    void aPurchaseOrderThatCannotBeSentIsRetriedAtTheNextCutoff() {
        sender.failing.add("beta");
        CutoffResult first = threeOrdersCutOff();
        assertThat(first.purchaseOrders()).filteredOn(p -> p.supplierId().equals("beta")).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("unsent");
                    assertThat(p.problem()).isEqualTo("connection refused by beta");
                });
        sender.failing.clear();
        CutoffResult second = service.cutoff();
        assertThat(second.purchaseOrders()).singleElement().satisfies(p -> {
            assertThat(p.supplierId()).isEqualTo("beta");
            assertThat(p.status()).isEqualTo("sent");
        });
    }

    @Test
    void anAnswerUpdatesThePurchaseOrderAndIsAllocatedBackToTheStores() throws Exception {
        threeOrdersCutOff();
        PurchaseOrder acme = sender.sent.get(0).order();
        String xml = DocumentsTest.ublResponse("CA", DocumentsTest.ublLine(1, "5", null, null, null, null)
                + DocumentsTest.ublLine(2, "3", "192", "2.40", "2026-11-29", "06901234567892"))
                .replace("PO-20261126-K3J9Q2M4", acme.poId());

        PurchaseOrder answered = service.applyResponse("acme", UblResponseReader.read(
                xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(answered.status()).isEqualTo(PurchaseOrder.ANSWERED);
        assertThat(answered.lines()).extracting(PurchaseOrder.Line::status, PurchaseOrder.Line::confirmedQuantity,
                PurchaseOrder.Line::confirmedPriceMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineStatus.ACCEPTED, 12L, 9500L),
                org.assertj.core.groups.Tuple.tuple(LineStatus.CHANGED, 192L, 240L));
        // 192 = 8 packs for orders of 96 and 168: 2 and 5 packs, the spare pack to the larger order
        StoreOrderLine s1 = service.orders("s1", 1).get(0).lines().get(0);
        StoreOrder s2 = service.orders("s2", 1).get(0);
        StoreOrderLine s2Tea = s2.lines().stream().filter(l -> l.gtin().equals(TEA)).findFirst().orElseThrow();
        assertThat(s1.allocatedQuantity()).isEqualTo(48);
        assertThat(s2Tea.allocatedQuantity()).isEqualTo(144);
        assertThat(s1.allocatedQuantity() + s2Tea.allocatedQuantity()).isEqualTo(192);
        assertThat(s2Tea.status()).isEqualTo(LineStatus.CHANGED);
        assertThat(s2Tea.unitPrice()).isEqualTo(new Money(240, "CNY"));
        assertThat(s2Tea.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(s2.status()).isEqualTo(OrderStatus.ANSWERED);
        assertThat(s2.lines().stream().filter(l -> l.gtin().equals(COFFEE)).findFirst().orElseThrow()
                .allocatedQuantity()).isEqualTo(12);

        // a rejection answered by EDIFACT: the line goes to zero for every store
        String edi = DocumentsTest.ordrsp("4", "LIN+2+7+06901234567892:SRV'").replace("PO-20261126-K3J9Q2M4",
                acme.poId());
        service.applyResponse("acme", EdifactResponseReader.read(edi.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(service.orders("s1", 1).get(0).lines().get(0).allocatedQuantity()).isZero();
        assertThat(service.orders("s1", 1).get(0).lines().get(0).status()).isEqualTo(LineStatus.REJECTED);
    }

    @Test
    void anAnswerThatDoesNotFitTheOrderIsRefusedWithEveryReason() throws Exception {
        threeOrdersCutOff();
        PurchaseOrder acme = sender.sent.get(0).order();
        String wrong = DocumentsTest.ublResponse("CA", DocumentsTest.ublLine(9, "5", null, null, null, null)
                + DocumentsTest.ublLine(1, "3", "6", "1.234", null, "06901234567892"))
                .replace("PO-20261126-K3J9Q2M4", acme.poId());
        assertThatThrownBy(() -> service.applyResponse("acme", UblResponseReader.read(
                wrong.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("line 9: the purchase order has no such line")
                .hasMessageContaining("line 1: item 06901234567892 is not the ordered 04006381333931")
                .hasMessageContaining("line 1: price \"1.234\" has more than 2 decimal places");
        assertThatThrownBy(() -> service.applyResponse("beta", UblResponseReader.read(DocumentsTest.ublResponse(
                "AP", "").replace("PO-20261126-K3J9Q2M4", acme.poId()).getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("was not sent to beta");
        assertThatThrownBy(() -> service.applyResponse("acme", UblResponseReader.read(DocumentsTest.ublResponse(
                "AP", "").getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no purchase order PO-20261126-K3J9Q2M4");
    }

    @Test
    void sourcingShareIsPlatformValueOverAllPurchasesAgainstTheCommitment() throws Exception {
        threeOrdersCutOff();
        PurchaseOrder acme = sender.sent.get(0).order();
        service.applyResponse("acme", UblResponseReader.read(DocumentsTest.ublResponse("CA",
                DocumentsTest.ublLine(1, "5", null, null, null, null)
                        + DocumentsTest.ublLine(2, "3", "192", "2.40", null, null))
                .replace("PO-20261126-K3J9Q2M4", acme.poId()).getBytes(StandardCharsets.UTF_8)));
        Purchase recorded = service.recordPurchase(new Purchase(null, "s2", LocalDate.of(2026, 11, 20),
                new Money(100000, "CNY"), "Metro"));
        assertThat(recorded.purchaseId()).startsWith("PU-20261126-");
        YearMonth november = YearMonth.of(2026, 11);

        // s2: 144 x 2.40 + 12 x 95.00 = 1485.60 on the platform, 1000.00 elsewhere: 0.5977 < 0.7
        SourcingShare s2 = service.share("s2", november).orElseThrow();
        assertThat(s2.currency()).isEqualTo("CNY");
        assertThat(s2.platformMinor()).isEqualTo(148560);
        assertThat(s2.totalMinor()).isEqualTo(248560);
        assertThat(s2.actual()).contains(new BigDecimal("0.5977"));
        assertThat(s2.belowCommitment()).isTrue();
        // s1: all on the platform: 1 >= 0.5
        SourcingShare s1 = service.share("s1", november).orElseThrow();
        assertThat(s1.actual()).contains(new BigDecimal("1.0000"));
        assertThat(s1.belowCommitment()).isFalse();
        assertThat(service.belowCommitment("east", november)).extracting(SourcingShare::storeId)
                .containsExactly("s2");
        // s3 has no commitment; another month has nothing
        assertThat(service.belowCommitment("west", november)).isEmpty();
        assertThat(service.share("s2", YearMonth.of(2026, 10)).orElseThrow().actual()).isEmpty();
        assertThat(service.share("nope", november)).isEmpty();

        assertThatThrownBy(() -> service.recordPurchase(new Purchase(null, "s2", LocalDate.of(2026, 12, 1),
                new Money(0, "CNY"), " ")))
                .hasMessageContaining("amount: must be above zero")
                .hasMessageContaining("supplier: must be 1 to 200 characters")
                .hasMessageContaining("day: is in the future");
    }

    @Test
    void aDeliveryForAnOrderMarksItReceived() {
        StoreOrder order = service.confirmOrder("s1", List.of(new Quantity(TEA, new BigDecimal("24"))));
        service.recordDelivery("s1", new Delivery(OffsetDateTime.parse("2026-11-26T09:00:00+08:00"),
                Optional.of(order.orderId()), List.of(new Quantity(TEA, new BigDecimal("24")))));
        assertThat(service.orders("s1", 1).get(0).status()).isEqualTo(OrderStatus.RECEIVED);
        assertThatThrownBy(() -> service.recordDelivery("s2", new Delivery(OffsetDateTime.parse(
                "2026-11-26T09:00:00+08:00"), Optional.of(order.orderId()), List.of(new Quantity(TEA, BigDecimal.ONE)))))
                .hasMessageContaining("orderId: no order " + order.orderId() + " of store s2");
    }
}
