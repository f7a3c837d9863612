package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.storelink.pos.poslog.internal.Poslogs.acsChange;
import static org.storelink.pos.poslog.internal.Poslogs.card;
import static org.storelink.pos.poslog.internal.Poslogs.cash;
import static org.storelink.pos.poslog.internal.Poslogs.control;
import static org.storelink.pos.poslog.internal.Poslogs.grand;
import static org.storelink.pos.poslog.internal.Poslogs.only;
import static org.storelink.pos.poslog.internal.Poslogs.poslog;
import static org.storelink.pos.poslog.internal.Poslogs.read;
import static org.storelink.pos.poslog.internal.Poslogs.retail;
import static org.storelink.pos.poslog.internal.Poslogs.sale;
import static org.storelink.pos.poslog.internal.Poslogs.tax;
import static org.storelink.pos.poslog.internal.Poslogs.total;
import static org.storelink.pos.poslog.internal.Poslogs.transaction;
import static org.storelink.pos.poslog.internal.Poslogs.validSale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.SourceTransaction.Kind;
import org.storelink.spi.UnreadableSourceException;

/** POSLog 2.x as NCR ACS writes it: the cases a day's export holds, one rule at a time. */
class PoslogFormatTest {

    private static Sale accepted(SourceTransaction transaction) {
        assertThat(transaction.problems()).as("problems of %s", transaction.reference()).isEmpty();
        assertThat(transaction.isAccepted()).isTrue();
        assertThat(SaleValidator.validate(transaction.sale())).isEmpty();
        return transaction.sale();
    }

    private static List<String> paths(SourceTransaction transaction) {
        return transaction.problems().stream().map(Violation::path).toList();
    }

    @Test
    void isThePoslogFormat() {
        PoslogFormat format = new PoslogFormat();
        assertThat(format.name()).isEqualTo("poslog");
        assertThat(format.description()).contains("POSLog");
    }

    @Test
    void weighedItemWithALoyaltyRewardWrittenTwiceCountsItOnce() throws Exception {
        // As in the shared sample: NCR ACS reports the reward once per item (detailedData) and once summarised.
        String reward = """
                <LineItem EntryMethod="acs:Auto"><SequenceNumber>%d</SequenceNumber>
                  <LoyaltyReward acs:membershipRequired="true" %s><PromotionID>5123</PromotionID>
                    <acs:RewardLevel>Transaction</acs:RewardLevel><acs:RewardCategory>Monetary</acs:RewardCategory>
                    <acs:ExtendedRewardAmount>-0.19</acs:ExtendedRewardAmount>
                    <acs:RewardBasis><acs:POSIdentity><POSItemID>00000000067591</POSItemID></acs:POSIdentity>
                      <acs:ItemID>00000000067591</acs:ItemID></acs:RewardBasis>
                  </LoyaltyReward></LineItem>""";
        String points = """
                <LineItem><SequenceNumber>5</SequenceNumber><LoyaltyReward acs:detailedData="true"
                  acs:summarizedActivity="true"><PromotionID>1027</PromotionID>
                  <acs:RewardCategory>CustomOffer</acs:RewardCategory>
                  <acs:ExtendedRewardAmount>1</acs:ExtendedRewardAmount></LoyaltyReward></LineItem>""";
        SourceTransaction read = only(poslog(transaction("161", retail(
                sale(1, " acs:weightItem=\"true\"", "00000000067591", "2.99", "1.26", "0.42"),
                card(2, "1.07", "344665"),
                reward.formatted(3, "acs:detailedData=\"true\""),
                reward.formatted(4, "acs:summarizedActivity=\"true\""),
                points,
                grand("1.07"), total("TransactionTaxAmount", "0.00"), total("acs:GrossNegative", "-0.19")))));

        Sale sale = accepted(read);
        assertThat(read.kind()).isEqualTo(Kind.SALE);
        assertThat(read.reference()).isEqualTo("9/34/161");
        assertThat(read.businessDay()).isEqualTo(LocalDate.of(2017, 9, 30));
        assertThat(sale.storeId()).isEqualTo("us-9");
        assertThat(sale.posId()).isEqualTo("34");
        assertThat(sale.receiptNo()).isEqualTo("161");
        // No zone in the file: read in the store's zone, Chicago, on daylight time in October.
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2017-10-01T02:02:54-05:00"));
        assertThat(sale.currency()).isEqualTo("USD");
        assertThat(sale.lines()).containsExactly(new SaleLine(1, Gtin.parse("00000000067591"), "ITEM 1",
                new BigDecimal("0.42"), 299, 0, null, null));
        assertThat(sale.adjustments()).containsExactly(new Adjustment(AdjustmentType.LOYALTY, -19, "5123"));
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 107, "344665"));
        assertThat(sale.statedTotal()).isEqualTo(107L);
        assertThat(sale.total()).isEqualTo(107);
    }

    @Test
    void usSalesTaxIsAddedOnTopWhenTheGrandTotalIncludesIt() throws Exception {
        Sale sale = accepted(only(poslog(transaction("114", retail(
                tax(1, "0.94"),
                sale(2, "00000000090162", "3.49", "3.49", "1"),
                sale(3, "00852421006143", "5.79", "5.79", "1"),
                card(4, "10.22", "316324"),
                grand("10.22"), total("TransactionTaxAmount", "0.94"))))));

        assertThat(sale.taxAdded()).isEqualTo(94);
        assertThat(sale.taxIncluded()).isZero();
        assertThat(sale.linesTotal()).isEqualTo(928);
        assertThat(sale.total()).isEqualTo(1022);
    }

    @Test
    void taxLinesThatDisagreeWithTheStatedTaxTotalAreReported() throws Exception {
        SourceTransaction read = only(poslog(transaction("115", retail(
                tax(1, "0.94"),
                sale(2, "00000000090162", "3.49", "3.49", "1"),
                card(3, "4.43", "1"),
                grand("4.43"), total("TransactionTaxAmount", "0.95")))));

        assertThat(read.isRejected()).isTrue();
        assertThat(read.problems()).extracting(Violation::toString)
                .containsExactly("tax: the Tax lines add up to USD 0.94 but TransactionTaxAmount is USD 0.95");
    }

    @Test
    void changeWrittenAsANegativeCashTenderIsChange() throws Exception {
        Sale sale = accepted(only(poslog(transaction("100", retail(
                sale(1, "00012993221201", "8.69", "8.69", "1"),
                sale(2, "00012993221201", "8.69", "8.69", "1"),
                cash(3, "20.00"),
                acsChange(4, "2.62"),
                grand("17.38"))))));

        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CASH, 2000, null));
        assertThat(sale.change()).isEqualTo(262);
    }

    @Test
    void changeInsideTheTenderIsChangeToo() throws Exception {
        String tender = "<LineItem><SequenceNumber>2</SequenceNumber><Tender TenderType=\"Cash\"><Amount>5.00</Amount>"
                + "<TenderChange><Amount>1.01</Amount></TenderChange></Tender></LineItem>";
        Sale sale = accepted(only(poslog(transaction("101", retail(
                sale(1, "00012993221201", "3.99", "3.99", "1"), tender, grand("3.99"))))));

        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CASH, 500, null));
        assertThat(sale.change()).isEqualTo(101);
    }

    @Test
    void aNegativeVoidLineCancelsTheEarlierLineOfTheSameItem() throws Exception {
        // NCR ACS: the cancelled line stays as rung up; a later line flagged VoidFlag has the negative quantity.
        Sale sale = accepted(only(poslog(transaction("376", retail(
                sale(1, "00021908501406", "2.79", "2.79", "1"),
                sale(2, "00012993221201", "1.00", "1.00", "1"),
                sale(3, " VoidFlag=\"true\"", "00021908501406", "2.79", "-2.79", "-1"),
                card(4, "1.00", "9"),
                grand("1.00"))))));

        Gtin vegetables = Gtin.parse("00021908501406");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(1, vegetables, "ITEM 1", BigDecimal.ONE, 279, 0, null, null),
                new SaleLine(2, Gtin.parse("00012993221201"), "ITEM 2", BigDecimal.ONE, 100, 0, null, null),
                new SaleLine(3, vegetables, "ITEM 3", new BigDecimal("-1"), 279, 0, null, 1));
        assertThat(sale.lines().get(2).amount()).isEqualTo(-279);
        assertThat(sale.total()).isEqualTo(100);
    }

    @Test
    void aVoidOfWeighedGoodsCancelsTheWeightItWasRungUpWith() throws Exception {
        Sale sale = accepted(only(poslog(transaction("115", retail(
                sale(1, " acs:weightItem=\"true\"", "00000000067591", "2.99", "4.40", "1.47"),
                sale(2, " VoidFlag=\"true\" acs:weightItem=\"true\"", "00000000067591", "2.99", "-4.40", "-1.47"),
                sale(3, "00012993221201", "3.99", "3.99", "1"),
                card(4, "3.99", "9"),
                grand("3.99"))))));

        assertThat(sale.lines().get(1).quantity()).isEqualByComparingTo("-1.47");
        assertThat(sale.lines().get(1).voidsLine()).isEqualTo(1);
        assertThat(sale.lines().get(1).amount()).isEqualTo(-440);
    }

    @Test
    void aVoidWithNothingToCancelIsRejected() throws Exception {
        SourceTransaction read = only(poslog(transaction("377", retail(
                sale(1, "00012993221201", "1.00", "1.00", "1"),
                sale(2, " VoidFlag=\"true\"", "00021908501406", "2.79", "-2.79", "-1"),
                card(3, "1.00", "9"),
                grand("1.00")))));

        assertThat(read.isRejected()).isTrue();
        assertThat(read.problems()).extracting(Violation::toString).containsExactly(
                "lines[1].voidsLine: LineItem 2 voids 1 of item 00021908501406 but no earlier line of that item"
                        + " has that much left to void");
    }

    @Test
    void aLineFlaggedVoidWithItsOwnQuantityIsRungUpAndCancelled() throws Exception {
        // Standard POSLog: VoidFlag marks the cancelled line itself. It becomes the line plus a voiding line.
        Sale sale = accepted(only(poslog(transaction("378", retail(
                sale(1, " VoidFlag=\"true\"", "00021908501406", "2.79", "2.79", "1"),
                sale(2, "00012993221201", "1.00", "1.00", "1"),
                card(3, "1.00", "9"),
                grand("1.00"))))));

        assertThat(sale.lines()).extracting(SaleLine::lineNo, SaleLine::quantity, SaleLine::voidsLine)
                .containsExactly(
                        tuple(1, BigDecimal.ONE, null),
                        tuple(2, new BigDecimal("-1"), 1),
                        tuple(3, BigDecimal.ONE, null));
        assertThat(sale.total()).isEqualTo(100);
    }

    @Test
    void voidedTendersAreLeftOut() throws Exception {
        String voidedCard = card(2, "9.99", "1").replace("<LineItem EntryMethod=\"MSR\">",
                "<LineItem EntryMethod=\"MSR\" VoidFlag=\"true\">");
        Sale sale = accepted(only(poslog(transaction("379", retail(
                sale(1, "00012993221201", "3.99", "3.99", "1"), voidedCard, card(3, "3.99", "2"), grand("3.99"))))));

        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 399, "2"));
    }

    @Test
    void aNegativeItemIsATransactionAdjustment() throws Exception {
        String bottleRefund = sale(2, "00000000054409", "2.00", "-2.00", "1")
                .replace("ItemType=\"Stock\"", "ItemType=\"acs:NegativeItem\"").replace("ITEM 2", "BOTTLE REFUND");
        Sale sale = accepted(only(poslog(transaction("101", retail(
                sale(1, "00012993221201", "13.88", "13.88", "1"), bottleRefund, card(3, "11.88", "9"),
                grand("11.88"))))));

        assertThat(sale.lines()).hasSize(1);
        assertThat(sale.adjustments()).containsExactly(
                new Adjustment(AdjustmentType.OTHER, -200, "00000000054409 BOTTLE REFUND"));
        assertThat(sale.total()).isEqualTo(1188);
    }

    @Test
    void aPluWithAValidCheckDigitIsAGtinAndOneWithoutIsRejected() throws Exception {
        List<SourceTransaction> read = read(poslog(
                transaction("1", retail(sale(1, "00000000067591", "2.99", "2.99", "1"), card(2, "2.99", "1"))),
                transaction("2", retail(sale(1, "00000000067592", "2.99", "2.99", "1"), card(2, "2.99", "1"))),
                transaction("3", retail(sale(1, "00012993221201", "1.00", "1.00", "1"),
                        sale(2, "4011", "2.99", "2.99", "1"), card(3, "3.99", "1"))),
                transaction("4", retail(sale(1, "0000000000067591", "2.99", "2.99", "1"), card(2, "2.99", "1")))));

        assertThat(accepted(read.get(0)).lines().get(0).gtin().value()).isEqualTo("00000000067591");
        assertThat(read.get(1).problems()).extracting(Violation::toString).containsExactly(
                "lines[0].gtin: LineItem 1: item code \"00000000067592\" is not a GTIN (check digit is 2, expected 1);"
                        + " codes without a valid GS1 check digit, such as bare PLUs, are not padded or guessed");
        assertThat(paths(read.get(2))).containsExactly("lines[1].gtin");
        assertThat(read.get(2).problems().get(0).message()).contains("\"4011\"", "must be 8, 12, 13 or 14 digits");
        // Zeros in front of fourteen digits do not change the number: they are the one thing dropped.
        assertThat(accepted(read.get(3)).lines().get(0).gtin().value()).isEqualTo("00000000067591");
    }

    @Test
    void theExtendedAmountDecidesTheLineMoney() throws Exception {
        List<SourceTransaction> read = read(poslog(
                // Two for 6.00: one rung up at the regular 6.00 comes to 3.00, so 3.00 is discount.
                transaction("1", retail(sale(1, "00000000067591", "6.00", "3.00", "1"), card(2, "3.00", "1"))),
                // Weighed at more than the regular price: the smallest cent price that reaches 6.48 is 11.57/lb.
                transaction("2", retail(sale(1, "00000000067591", "10.99", "6.48", "0.56"), card(2, "6.48", "1"))),
                // Quantity times price rounds half up to the ExtendedAmount: 0.42 x 2.99 = 1.2558.
                transaction("3", retail(sale(1, "00000000067591", "2.99", "1.26", "0.42"), card(2, "1.26", "1")))));

        Sale twoForSix = accepted(read.get(0));
        assertThat(twoForSix.lines().get(0)).extracting(SaleLine::unitPrice, SaleLine::discount)
                .containsExactly(600L, 300L);
        Sale weighed = accepted(read.get(1));
        assertThat(weighed.lines().get(0)).extracting(SaleLine::unitPrice, SaleLine::discount)
                .containsExactly(1157L, 0L);
        assertThat(weighed.lines().get(0).amount()).isEqualTo(648);
        assertThat(accepted(read.get(2)).lines().get(0).amount()).isEqualTo(126);
    }

    @Test
    void aPriceModifierIsTheLineDiscount() throws Exception {
        String modified = "<LineItem><SequenceNumber>1</SequenceNumber><Sale><ItemID>00012993221201</ItemID>"
                + "<RegularSalesUnitPrice>5.00</RegularSalesUnitPrice><ExtendedAmount>%s</ExtendedAmount>"
                + "<Quantity>2</Quantity><RetailPriceModifier><Amount Action=\"Subtract\">1.50</Amount>"
                + "<PromotionID>P-7</PromotionID></RetailPriceModifier></Sale></LineItem>";
        List<SourceTransaction> read = read(poslog(
                // ExtendedAmount after the discount: 2 x 5.00 - 1.50.
                transaction("1", retail(modified.formatted("8.50"), card(2, "8.50", "1"), grand("8.50"))),
                // ExtendedAmount before it (2 x 5.00): the discount comes off.
                transaction("2", retail(modified.formatted("10.00"), card(2, "8.50", "1"), grand("8.50")))));

        for (SourceTransaction transaction : read) {
            SaleLine line = accepted(transaction).lines().get(0);
            assertThat(line).extracting(SaleLine::unitPrice, SaleLine::discount, SaleLine::promotionCode)
                    .containsExactly(500L, 150L, "P-7");
            assertThat(line.amount()).isEqualTo(850);
        }
    }

    @Test
    void voidTrainingAndNonSaleRecordsAreExcludedWithTheirBusinessDay() throws Exception {
        List<SourceTransaction> read = read(poslog(
                control("160"),
                transaction(" CancelFlag=\"true\"", "162", retail(sale(1, "00012993221201", "3.99", "3.99", "1"))),
                transaction(" TrainingModeFlag=\"true\"", "163",
                        retail(sale(1, "00012993221201", "3.99", "3.99", "1"), card(2, "3.99", "1"))),
                transaction("164", "<RetailTransaction TransactionStatus=\"Voided\">"
                        + sale(1, "00012993221201", "3.99", "3.99", "1") + "</RetailTransaction>"),
                transaction("165", "<RetailTransaction acs:VoidFlag=\"true\">"
                        + sale(1, "00012993221201", "3.99", "3.99", "1") + "</RetailTransaction>"),
                transaction("166", "<TenderControlTransaction><TillSettle/></TenderControlTransaction>")));

        assertThat(read).extracting(SourceTransaction::reference, SourceTransaction::kind)
                .containsExactly(
                        tuple("9/34/160", Kind.NON_SALE),
                        tuple("9/34/162", Kind.VOID),
                        tuple("9/34/163", Kind.TRAINING),
                        tuple("9/34/164", Kind.VOID),
                        tuple("9/34/165", Kind.VOID),
                        tuple("9/34/166", Kind.NON_SALE));
        assertThat(read).allSatisfy(transaction -> {
            assertThat(transaction.isExcluded()).isTrue();
            assertThat(transaction.problems()).hasSize(1);
            assertThat(transaction.businessDay()).isEqualTo(LocalDate.of(2017, 9, 30));
        });
        assertThat(read.get(0).problems().get(0).message()).isEqualTo("ControlTransaction: not a sale");
    }

    @Test
    void aReturnIsRecordedNegativeAndNamesItsOriginalReceipt() throws Exception {
        String returned = "<LineItem><SequenceNumber>1</SequenceNumber><Return ItemType=\"Stock\">"
                + "<POSIdentity><POSItemID>00012993221201</POSItemID></POSIdentity>"
                + "<RegularSalesUnitPrice>3.99</RegularSalesUnitPrice><ExtendedAmount>3.99</ExtendedAmount>"
                + "<Quantity>1</Quantity><TransactionLink ReasonCode=\"Return\"><RetailStoreID>9</RetailStoreID>"
                + "<WorkstationID>31</WorkstationID><SequenceNumber>114</SequenceNumber>"
                + "<BusinessDayDate>2017-10-01</BusinessDayDate></TransactionLink></Return></LineItem>";
        String refund = "<LineItem><SequenceNumber>2</SequenceNumber><Tender TenderType=\"Cash\" TypeCode=\"Refund\">"
                + "<Amount>3.99</Amount></Tender></LineItem>";
        SourceTransaction read = only(poslog(transaction("170", retail(returned, refund, grand("-3.99")))));

        assertThat(read.kind()).isEqualTo(Kind.RETURN);
        assertThat(read.reference()).isEqualTo("9/34/170 (return of 9/31/114 of 2017-10-01)");
        assertThat(read.businessDay()).isEqualTo(LocalDate.of(2017, 9, 30));
        // The line is negative and the refund a negative tender, as the SPI describes returns.
        assertThat(read.isAccepted()).isTrue();
        assertThat(read.sale().lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("-1");
            assertThat(line.amount()).isEqualTo(-399);
        });
        assertThat(read.sale().tenders()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualTo(-399));
        assertThat(read.sale().total()).isEqualTo(-399);
    }

    @Test
    void aTransactionThatDoesNotBalanceIsRejectedNotMadeToBalance() throws Exception {
        SourceTransaction read = only(poslog(transaction("171", retail(
                sale(1, "00012993221201", "3.99", "3.99", "1"), card(2, "3.00", "1"), grand("3.99")))));

        assertThat(read.isRejected()).isTrue();
        assertThat(read.problems()).extracting(Violation::toString).containsExactly(
                "tenders: tenders less change are USD 3.00 but lines less discounts plus tax and adjustments are"
                        + " USD 3.99",
                "total: stated total is USD 3.99 but tenders less change are USD 3.00");
    }

    @Test
    void aTimestampWithAnOffsetKeepsIt() throws Exception {
        String xml = poslog(validSale("172")).replace("2017-10-01T02:02:54", "2017-10-01T02:02:54+02:00");
        assertThat(accepted(only(xml)).occurredAt()).isEqualTo(OffsetDateTime.parse("2017-10-01T02:02:54+02:00"));
    }

    @Test
    void idsStayTextDigitForDigit() throws Exception {
        Sale sale = accepted(only(poslog(validSale("000123456789012345678901"))));
        assertThat(sale.receiptNo()).isEqualTo("000123456789012345678901");
    }

    @Test
    void walletsAreRecognisedByTheirDescription() throws Exception {
        String wallet = "<LineItem><SequenceNumber>2</SequenceNumber><Tender TenderType=\"Other\" "
                + "acs:TenderDescription=\"%s\"><Amount>3.99</Amount></Tender></LineItem>";
        List<SourceTransaction> read = read(poslog(
                transaction("1", retail(sale(1, "00012993221201", "3.99", "3.99", "1"), wallet.formatted("Alipay QR"))),
                transaction("2", retail(sale(1, "00012993221201", "3.99", "3.99", "1"), wallet.formatted("WeChat Pay"))),
                transaction("3", retail(sale(1, "00012993221201", "3.99", "3.99", "1"), wallet.formatted("Voucher")))));

        assertThat(read).extracting(transaction -> accepted(transaction).tenders().get(0).type())
                .containsExactly(TenderType.ALIPAY, TenderType.WECHAT, TenderType.OTHER);
    }

    @Test
    void theRetailStoreIdMustBeStatedAndCanBePinned() throws Exception {
        String withoutStore = poslog(validSale("1")).replace("<RetailStoreID>9</RetailStoreID>", "");
        assertThat(only(withoutStore).problems()).extracting(Violation::path).containsExactly("storeId");
        assertThat(only(withoutStore).reference()).startsWith("transaction 1 (line 3)");

        assertThat(read(poslog(validSale("2")), Map.of("retailStoreId", "12")).get(0).problems())
                .extracting(Violation::toString)
                .containsExactly("storeId: RetailStoreID 9 is not this feed's store (option retailStoreId=12)");
        assertThat(read(poslog(validSale("3")), Map.of("retailStoreId", "9")).get(0).isAccepted()).isTrue();
    }

    @Test
    void theCurrencyOptionServesFilesWithoutACurrencyCode() throws Exception {
        String withoutCurrency = poslog(validSale("1")).replace("<CurrencyCode>USD</CurrencyCode>", "");
        assertThat(only(withoutCurrency).problems()).extracting(Violation::path).containsExactly("currency");
        assertThat(accepted(read(withoutCurrency, Map.of("currency", "USD")).get(0)).currency()).isEqualTo("USD");
        assertThatThrownBy(() -> read(withoutCurrency, Map.of("currency", "DOLLARS")))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("option currency: unknown ISO 4217 code \"DOLLARS\"");
    }

    @Test
    void aBadAmountRejectsItsTransactionAndReadingGoesOn() throws Exception {
        List<SourceTransaction> read = read(poslog(
                transaction("1", retail(sale(1, "00012993221201", "3.99", "1e400", "1"), card(2, "3.99", "1"))),
                transaction("2", retail(sale(1, "00012993221201", "3.99", "3.99", "1"),
                        card(2, "99999999999999999999", "1"))),
                transaction("3", retail(sale(1, "00012993221201", "3.99", "3.999", "1"), card(2, "3.99", "1"))),
                validSale("4")));

        assertThat(read.get(0).problems()).extracting(Violation::toString).containsExactly(
                "lines[0]: LineItem 1 ExtendedAmount \"1e400\" is not a plain decimal number such as 7.00");
        assertThat(read.get(1).problems()).extracting(Violation::toString).containsExactly(
                "tenders[0].amount: LineItem 2 Tender Amount \"99999999999999999999\" is out of range");
        assertThat(read.get(2).problems()).extracting(Violation::path).containsExactly("lines[0]");
        assertThat(read.get(2).problems().get(0).message()).contains("more than 2 decimal places");
        assertThat(read.get(3).isAccepted()).isTrue();
    }

    @Test
    void vendorExtensionsAreIgnored() throws Exception {
        String extensions = "<LineItem EntryMethod=\"acs:Auto\"><SequenceNumber>3</SequenceNumber>"
                + "<acs:CRMCustomVariable><acs:Type>New Custom Data</acs:Type><acs:ID>5</acs:ID>"
                + "<acs:Value>19</acs:Value></acs:CRMCustomVariable></LineItem>"
                + "<acs:ItemCount>1</acs:ItemCount><acs:PerformanceMetrics><acs:RingTime>21</acs:RingTime>"
                + "</acs:PerformanceMetrics><raw:Anything><ItemID>not an item</ItemID></raw:Anything>";
        Sale sale = accepted(only(poslog(transaction("1", retail(
                sale(1, "00012993221201", "3.99", "3.99", "1"), card(2, "3.99", "1"), extensions, grand("3.99"))))));
        assertThat(sale.lines()).hasSize(1);
    }

    @Test
    void aTransactionAsTheRootElementIsReadToo() throws Exception {
        String single = validSale("5").replace("<Transaction>", "<Transaction xmlns=\"" + Poslogs.IXRETAIL
                + "\" xmlns:acs=\"" + Poslogs.ACS + "\">");
        assertThat(accepted(only(single)).receiptNo()).isEqualTo("5");
    }
}
