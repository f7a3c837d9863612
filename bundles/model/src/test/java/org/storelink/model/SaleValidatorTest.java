package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.storelink.model.Sales.APPLES;
import static org.storelink.model.Sales.AT;
import static org.storelink.model.Sales.TEA;
import static org.storelink.model.Sales.line;
import static org.storelink.model.Sales.tender;
import static org.storelink.model.Sales.voiding;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleValidatorTest {

    private static List<String> paths(Sale sale) {
        return SaleValidator.validate(sale).stream().map(Violation::path).toList();
    }

    private static Sale withIds(String storeId, String posId, String receiptNo) {
        Sale t = Sales.tea();
        return new Sale(storeId, posId, receiptNo, t.occurredAt(), t.currency(), t.lines(), 0, 0, List.of(),
                t.tenders(), 0, null, null, null);
    }

    private static Sale withTotals(long tax, long taxIncluded, long change, Long stated, List<Tender> tenders) {
        Sale t = Sales.tea();
        return new Sale("s1", "till-1", "000123", AT, "CNY", t.lines(), tax, taxIncluded, List.of(), tenders,
                change, stated, null, null);
    }

    @Test
    void validSaleHasNoViolations() {
        assertThat(SaleValidator.validate(Sales.tea())).isEmpty();
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        SaleLine noGtin = new SaleLine(1, null, "tea", new BigDecimal("2"), 350, 0, null, null);
        Sale sale = new Sale("s1", " ", "000123", AT, "CNY", List.of(noGtin), 0, 0, List.of(),
                List.of(tender(TenderType.ALIPAY, 750), tender(TenderType.CARD, 0)), 50, null, null, null);

        List<Violation> violations = SaleValidator.validate(sale);

        assertThat(violations).extracting(Violation::path)
                .containsExactlyInAnyOrder("posId", "lines[0].gtin", "tenders[1].amount", "change");
        assertThat(violations).filteredOn(v -> v.path().equals("change"))
                .extracting(Violation::message).containsExactly("can only be given against a cash tender");
    }

    @Test
    void imbalanceStatesBothFiguresAsMoney() {
        Sale sale = withTotals(0, 0, 0, null, List.of(tender(TenderType.ALIPAY, 600)));

        assertThat(SaleValidator.validate(sale)).containsExactly(new Violation("tenders",
                "tenders less change are CNY 6.00 but lines less discounts plus tax and adjustments are CNY 7.00"));
    }

    @Test
    void statedTotalMustMatchWhatWasTendered() {
        assertThat(SaleValidator.validate(withTotals(0, 0, 0, 700L, List.of(tender(TenderType.CASH, 700)))))
                .isEmpty();
        assertThat(SaleValidator.validate(withTotals(0, 0, 0, 650L, List.of(tender(TenderType.CASH, 700)))))
                .containsExactly(new Violation("total", "stated total is CNY 6.50 but tenders less change are CNY 7.00"));
    }

    @Test
    void cashChangeBalances() {
        assertThat(SaleValidator.validate(withTotals(0, 0, 300, null, List.of(tender(TenderType.CASH, 1000)))))
                .isEmpty();
        assertThat(paths(withTotals(0, 0, -1, null, List.of(tender(TenderType.CASH, 699))))).contains("change");
    }

    @Test
    void idsMustBeShortPresentAndFreeOfSlashes() {
        assertThat(paths(withIds("s1", "till-1", "2026/001"))).containsExactly("receiptNo");
        assertThat(paths(withIds(null, "till-1", "1"))).containsExactly("storeId");
        assertThat(paths(withIds("s1", "t".repeat(65), "1"))).containsExactly("posId");
        assertThat(paths(withIds("s1", "t".repeat(64), "1"))).isEmpty();
    }

    @Test
    void currencyAndTimeAreRequired() {
        Sale t = Sales.tea();
        Sale sale = new Sale("s1", "till-1", "1", null, "XYZ", t.lines(), 0, 0, null, t.tenders(), 0, null, null, null);

        assertThat(SaleValidator.validate(sale)).contains(
                new Violation("currency", "unknown ISO 4217 code \"XYZ\""),
                new Violation("occurredAt", "is required"));
    }

    @Test
    void linesAndTendersAreRequired() {
        assertThat(paths(Sales.sale(List.of(), List.of(tender(TenderType.CASH, 1))))).contains("lines");
        assertThat(paths(Sales.sale(List.of(line(1, TEA, "1", 0)), List.of()))).containsExactly("tenders");
    }

    @Test
    void lineNumbersArePositiveAndUnique() {
        Sale sale = Sales.sale(List.of(line(1, TEA, "1", 350), line(1, TEA, "1", 350), line(0, TEA, "1", 350)),
                List.of(tender(TenderType.CASH, 1050)));

        assertThat(paths(sale)).containsExactlyInAnyOrder("lines[1].lineNo", "lines[2].lineNo");
    }

    @Test
    void quantityRules() {
        Sale sale = Sales.sale(List.of(line(1, TEA, "0", 350), line(2, APPLES, "0.5321", 1000)),
                List.of(tender(TenderType.CASH, 532)));

        assertThat(SaleValidator.validate(sale)).extracting(Violation::toString).containsExactlyInAnyOrder(
                "lines[0].quantity: must not be zero",
                "lines[1].quantity: must have at most 3 decimal places");
    }

    @Test
    void aReturnWithItsRefundIsValid() {
        Sale refund = Sales.sale(List.of(line(1, TEA, "-2", 350)), List.of(tender(TenderType.CASH, -700)));

        assertThat(SaleValidator.validate(refund)).isEmpty();
        assertThat(refund.total()).isEqualTo(-700);
    }

    @Test
    void aTenderOfZeroIsRefused() {
        Sale sale = Sales.sale(List.of(line(1, TEA, "1", 350)),
                List.of(tender(TenderType.CASH, 350), tender(TenderType.CARD, 0)));

        assertThat(SaleValidator.validate(sale)).extracting(Violation::toString)
                .containsExactly("tenders[1].amount: must not be zero");
    }

    @Test
    void priceAndDiscountRules() {
        SaleLine negativePrice = new SaleLine(1, TEA, "tea", BigDecimal.ONE, -350, 0, null, null);
        SaleLine tooMuchDiscount = new SaleLine(2, TEA, "tea", BigDecimal.ONE, 350, 351, null, null);
        SaleLine negativeDiscount = new SaleLine(3, TEA, "tea", BigDecimal.ONE, 350, -1, null, null);
        Sale sale = Sales.sale(List.of(negativePrice, tooMuchDiscount, negativeDiscount),
                List.of(tender(TenderType.CASH, 1)));

        assertThat(SaleValidator.validate(sale)).extracting(Violation::toString).contains(
                "lines[0].unitPrice: must not be negative",
                "lines[1].discount: is more than the line's gross amount of CNY 3.50",
                "lines[2].discount: must not be negative");
    }

    @Test
    void aVoidOfAnEarlierLineIsValid() {
        Sale sale = Sales.sale(List.of(line(1, TEA, "2", 350), voiding(2, TEA, "-1", 350, 1)),
                List.of(tender(TenderType.CASH, 350)));

        assertThat(SaleValidator.validate(sale)).isEmpty();
    }

    @Test
    void voidRules() {
        Sale sale = Sales.sale(List.of(
                        voiding(1, TEA, "-1", 350, 2),
                        line(2, TEA, "2", 350),
                        voiding(3, APPLES, "-1", 350, 2),
                        voiding(4, TEA, "-2", 350, 2),
                        voiding(5, TEA, "-1", 350, 4),
                        voiding(6, TEA, "1", 350, 2)),
                List.of(tender(TenderType.CASH, 1)));

        assertThat(SaleValidator.validate(sale)).extracting(Violation::toString).contains(
                "lines[0].voidsLine: refers to line 2, which is not an earlier line",
                "lines[2].gtin: is 04006381333931 but voided line 2 has 06901234567892",
                "lines[3].quantity: cancels 2 but line 2 has only 1 left to void",
                "lines[4].voidsLine: refers to line 4, which is itself a void",
                "lines[5].quantity: must be negative on a line that voids another");
    }

    @Test
    void taxesMustNotBeNegative() {
        assertThat(paths(withTotals(-1, -1, 0, null, List.of(tender(TenderType.CASH, 699)))))
                .contains("tax", "taxIncluded");
    }

    @Test
    void adjustmentNeedsAType() {
        Sale t = Sales.tea();
        Sale sale = new Sale("s1", "till-1", "1", AT, "CNY", t.lines(), 0, 0,
                List.of(new Adjustment(null, -100, null)), List.of(tender(TenderType.ALIPAY, 600)), 0, null, null, null);

        assertThat(paths(sale)).containsExactly("adjustments[0].type");
    }

    @Test
    void amountsBeyondTheLimitAreRejectedWithoutArithmeticErrors() {
        long tooBig = SaleValidator.MAX_AMOUNT + 1;
        Sale hugePrice = Sales.sale(List.of(line(1, TEA, "1", tooBig)), List.of(tender(TenderType.CASH, tooBig)));
        Sale maxTender = Sales.sale(List.of(line(1, TEA, "1", 1)),
                List.of(tender(TenderType.CASH, Long.MAX_VALUE), tender(TenderType.CARD, Long.MAX_VALUE)));
        Sale manyUnits = Sales.sale(List.of(line(1, TEA, "10000000", 1)), List.of(tender(TenderType.CASH, 1)));
        Sale largeLine = Sales.sale(List.of(line(1, TEA, "1000000", SaleValidator.MAX_AMOUNT)),
                List.of(tender(TenderType.CASH, 1)));

        // Only the range problems: the balance is not attempted on amounts that cannot be trusted.
        assertThat(paths(hugePrice)).containsExactlyInAnyOrder("lines[0].unitPrice", "tenders[0].amount");
        assertThat(paths(maxTender)).containsExactlyInAnyOrder("tenders[0].amount", "tenders[1].amount");
        assertThat(paths(manyUnits)).containsExactly("lines[0].quantity");
        assertThat(paths(largeLine)).containsExactly("lines[0]");
    }

    @Test
    void hostileQuantityScalesAreCheap() {
        Sale tiny = Sales.sale(List.of(new SaleLine(1, TEA, "t", new BigDecimal("1E-999999999"), 350, 0, null, null)),
                List.of(tender(TenderType.CASH, 1)));
        Sale vast = Sales.sale(List.of(new SaleLine(1, TEA, "t", new BigDecimal("1E+999999999"), 0, 0, null, null)),
                List.of(tender(TenderType.CASH, 1)));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(paths(tiny)).contains("lines[0].quantity");
            assertThat(paths(vast)).containsExactly("lines[0].quantity");
        });
    }
}
