package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.model.Sales.APPLES;
import static org.storelink.model.Sales.AT;
import static org.storelink.model.Sales.TEA;
import static org.storelink.model.Sales.line;
import static org.storelink.model.Sales.tender;
import static org.storelink.model.Sales.voiding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleTest {

    @Test
    void saleIdJoinsStorePosAndReceipt() {
        assertThat(Sales.tea().saleId()).isEqualTo("s1/till-1/000123");
    }

    @Test
    void fractionalWeightIsRoundedHalfUpToAMinorUnit() {
        // 0.532 kg at CNY 12.80/kg is 680.96 fen.
        assertThat(line(1, APPLES, "0.532", 1280).amount()).isEqualTo(681);
        assertThat(line(1, APPLES, "0.5", 3).amount()).isEqualTo(2);
        assertThat(line(1, APPLES, "0.5", 1).amount()).isEqualTo(1);
    }

    @Test
    void discountIsTakenOffTheLine() {
        SaleLine line = new SaleLine(1, TEA, "tea", new BigDecimal("2"), 350, 50, "P1", null);
        assertThat(line.grossAmount()).isEqualTo(700);
        assertThat(line.amount()).isEqualTo(650);
    }

    @Test
    void voidLineCancelsTheEarlierLineExactly() {
        SaleLine apples = new SaleLine(1, APPLES, "apples", new BigDecimal("0.532"), 1280, 81, "P2", null);
        SaleLine undo = new SaleLine(2, APPLES, "apples", new BigDecimal("-0.532"), 1280, 81, "P2", 1);
        SaleLine tea = line(3, TEA, "1", 350);
        Sale sale = Sales.sale(List.of(apples, undo, tea), List.of(tender(TenderType.CASH, 350)));

        assertThat(apples.amount()).isEqualTo(600);
        assertThat(undo.amount()).isEqualTo(-600);
        assertThat(sale.linesTotal()).isEqualTo(350);
        assertThat(sale.total()).isEqualTo(350);
    }

    @Test
    void salesTaxIsAddedOnTopButIncludedTaxIsNot() {
        Sale us = new Sale("nyc-1", "pos-2", "77", AT, "USD", List.of(line(1, TEA, "4", 250)), 89, 0,
                List.of(), List.of(tender(TenderType.CARD, 1089)), 0, 1089L, null, null);
        Sale cn = new Sale("s1", "till-1", "78", AT, "CNY", List.of(line(1, TEA, "4", 250)), 0, 115,
                List.of(), List.of(tender(TenderType.WECHAT, 1000)), 0, null, null, null);

        assertThat(us.total()).isEqualTo(1089);
        assertThat(us.totalMoney()).isEqualTo(new Money(1089, "USD"));
        assertThat(cn.total()).isEqualTo(1000);
    }

    @Test
    void couponAdjustmentReducesTheTotal() {
        Sale sale = new Sale("s1", "till-1", "79", AT, "CNY", List.of(line(1, TEA, "2", 350)), 0, 0,
                List.of(new Adjustment(AdjustmentType.COUPON, -200, "WELCOME2")),
                List.of(tender(TenderType.ALIPAY, 500)), 0, null, null, null);

        assertThat(sale.total()).isEqualTo(500);
        assertThat(sale.tendered()).isEqualTo(500);
    }

    @Test
    void cashChangeIsDeductedFromWhatWasTendered() {
        Sale sale = new Sale("s1", "till-1", "80", AT, "CNY", List.of(line(1, TEA, "2", 350)), 0, 0,
                List.of(), List.of(tender(TenderType.CASH, 1000)), 300, null, null, null);

        assertThat(sale.tendered()).isEqualTo(700);
        assertThat(sale.total()).isEqualTo(sale.tendered());
    }

    @Test
    void listsAreCopiedAndNeverNull() {
        List<SaleLine> lines = new ArrayList<>(List.of(line(1, TEA, "1", 350)));
        Sale sale = Sales.sale(lines, null);
        lines.add(line(2, TEA, "1", 350));

        assertThat(sale.lines()).hasSize(1);
        assertThat(sale.tenders()).isEmpty();
        assertThat(sale.adjustments()).isEmpty();
        assertThatThrownBy(() -> sale.lines().add(line(3, TEA, "1", 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void quantityWrittenWithAnExponentIsStoredAtScaleZero() {
        SaleLine line = new SaleLine(1, TEA, "tea", new BigDecimal("1E+3"), 1, 0, null, null);
        assertThat(line.quantity()).isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void lineAmountFailsLoudlyInsteadOfOverflowing() {
        SaleLine line = line(1, TEA, "1000000", Long.MAX_VALUE / 10);
        assertThatThrownBy(line::amount).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void voidingReferenceIsKept() {
        assertThat(voiding(2, TEA, "-1", 350, 1).voidsLine()).isEqualTo(1);
    }
}
