package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.SourceTransaction.Kind;

/** POSLog 6.0: the hand-written fixture {@code poslog/poslog-6.0.xml}, a Berlin store whose prices include VAT. */
class Poslog60Test {

    private static final Store BERLIN = new Store("de-42", "Berlin Mitte", "de", null, ZoneId.of("Europe/Berlin"),
            null);
    private static final Gtin PENCILS = Gtin.parse("4006381333931");
    private static final Gtin TEA = Gtin.parse("6901234567892");

    private static List<SourceTransaction> read;

    @BeforeAll
    static void readFixture() throws Exception {
        try (InputStream in = Poslog60Test.class.getResourceAsStream("/poslog/poslog-6.0.xml")) {
            read = Poslogs.read(in, BERLIN, Map.of());
        }
    }

    private static Sale accepted(int index) {
        SourceTransaction transaction = read.get(index);
        assertThat(transaction.problems()).isEmpty();
        assertThat(SaleValidator.validate(transaction.sale())).isEmpty();
        return transaction.sale();
    }

    @Test
    void everyTransactionIsHandedOverInOrder() {
        assertThat(read).extracting(SourceTransaction::reference, SourceTransaction::kind)
                .containsExactly(
                        tuple("0042/3/1001", Kind.SALE),
                        tuple("0042/3/1002", Kind.SALE),
                        tuple("0042/3/1003", Kind.TRAINING),
                        tuple("0042/3/1004", Kind.VOID),
                        tuple("0042/3/1005 (return of 0042/3/1001 of 2024-03-15)", Kind.RETURN),
                        tuple("0042/3/1006", Kind.NON_SALE));
        assertThat(read.get(4).businessDay()).isEqualTo(LocalDate.of(2024, 3, 16));
    }

    @Test
    void aSaleWithPriceModifierWeighedItemCouponAndChange() {
        Sale sale = accepted(0);
        assertThat(sale.storeId()).isEqualTo("de-42");
        assertThat(sale.posId()).isEqualTo("3");
        assertThat(sale.receiptNo()).isEqualTo("1001");
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-03-15T10:02:10+01:00"));
        assertThat(sale.currency()).isEqualTo("EUR");
        // ExtendedAmount 3.98 is before the 0.50 modifier (ExtendedDiscountAmount says 3.48), so the line is 3.48;
        // the tea is identified by its scanned POSItemID, not the in-store ItemID.
        assertThat(sale.lines()).containsExactly(
                new SaleLine(1, PENCILS, "Pencils, pack of 10", new BigDecimal("2"), 199, 50, "SPRING-7", null),
                new SaleLine(2, TEA, "Green tea, loose", new BigDecimal("0.385"), 1290, 0, null, null));
        assertThat(sale.lines()).extracting(SaleLine::amount).containsExactly(348L, 497L);
        assertThat(sale.adjustments()).containsExactly(new Adjustment(AdjustmentType.COUPON, -100, "CPN-100"));
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CASH, 1000, null));
        assertThat(sale.change()).isEqualTo(255);
        assertThat(sale.statedTotal()).isEqualTo(745L);
        assertThat(sale.total()).isEqualTo(745);
    }

    @Test
    void vatContainedInThePricesIsTaxIncluded() {
        // The grand total 7.45 is met by lines and coupon alone, so the items' VAT (0.56 + 0.33) is inside them.
        Sale sale = accepted(0);
        assertThat(sale.taxIncluded()).isEqualTo(89);
        assertThat(sale.taxAdded()).isZero();
        assertThat(accepted(1).taxIncluded()).isEqualTo(56);
    }

    @Test
    void aVoidedLineIsRungUpAndCancelledAndATimeWithoutOffsetIsBerlinTime() {
        Sale sale = accepted(1);
        assertThat(sale.lines()).extracting(SaleLine::gtin, SaleLine::quantity, SaleLine::voidsLine)
                .containsExactly(
                        tuple(PENCILS, new BigDecimal("1"), null),
                        tuple(PENCILS, new BigDecimal("-1"), 1),
                        tuple(TEA, new BigDecimal("1"), null));
        assertThat(sale.total()).isEqualTo(350);
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 350, "AUTH-77"));
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-03-15T23:59:58+01:00"));
    }

    @Test
    void theReturnIsRecordedWithNegativeLinesAndARefund() {
        SourceTransaction returned = read.get(4);
        assertThat(returned.kind()).isEqualTo(SourceTransaction.Kind.RETURN);
        assertThat(returned.isAccepted()).isTrue();
        assertThat(returned.sale().lines()).allSatisfy(line -> assertThat(line.quantity().signum()).isNegative());
        assertThat(returned.sale().total()).isNegative();
        assertThat(returned.sale().tendered()).isEqualTo(returned.sale().total());
    }

    @Test
    void excludedRecordsSayWhy() {
        assertThat(read.get(2).problems()).extracting(Violation::message)
                .containsExactly("TrainingModeFlag is true: a training transaction");
        assertThat(read.get(3).problems()).extracting(Violation::message)
                .containsExactly("Transaction CancelFlag is true: cancelled at the till");
        assertThat(read.get(5).problems()).extracting(Violation::message)
                .containsExactly("ControlTransaction: not a sale");
    }
}
