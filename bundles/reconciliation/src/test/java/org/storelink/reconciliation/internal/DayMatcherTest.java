package org.storelink.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.reconciliation.internal.TestData.NOV_26;
import static org.storelink.reconciliation.internal.TestData.NOV_27;
import static org.storelink.reconciliation.internal.TestData.SHANGHAI;
import static org.storelink.reconciliation.internal.TestData.STORE;
import static org.storelink.reconciliation.internal.TestData.credit;
import static org.storelink.reconciliation.internal.TestData.detail;
import static org.storelink.reconciliation.internal.TestData.kept;
import static org.storelink.reconciliation.internal.TestData.paid;
import static org.storelink.reconciliation.internal.TestData.payment;
import static org.storelink.reconciliation.internal.TestData.sale;
import static org.storelink.reconciliation.internal.TestData.tender;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentStatus;
import org.storelink.model.Settlement;
import org.storelink.model.TenderType;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;

class DayMatcherTest {
    private static final DayMatcher.Settings SETTINGS = new DayMatcher.Settings(Duration.ofMinutes(10), 3);
    /** Long after the 26th: old enough for any payment of that day to be settled. */
    private static final Instant LATER = Instant.parse("2026-12-05T00:00:00Z");

    private static List<ReconciliationResult> run(LocalDate day, List<SaleTenders> sales, List<Payment> payments) {
        return run(day, sales, payments, List.of(), LATER);
    }

    private static List<ReconciliationResult> run(LocalDate day, List<SaleTenders> sales, List<Payment> payments,
            List<Settlement> settlements, Instant now) {
        return DayMatcher.reconcile(new DayMatcher.Input(STORE, day, SHANGHAI, sales, payments, settlements,
                !settlements.isEmpty(), now), SETTINGS);
    }

    private static List<ResultState> states(List<ReconciliationResult> results) {
        return results.stream().map(ReconciliationResult::state).toList();
    }

    @Test
    void aTenderMatchesThePaymentItsReferenceNamesEvenHoursApart() {
        var sale = kept(sale("r1", "2026-11-26T09:15:30+08:00", tender(TenderType.ALIPAY, 700, "M-000123")));
        var payment = paid("2026112622001", "M-000123", 700, "2026-11-26T14:00:00+08:00");
        // a payment of the same amount right at the sale's time must not win over the named one
        var decoy = paid("2026112622999", "M-000999", 700, "2026-11-26T09:15:40+08:00");

        var results = run(NOV_26, List.of(sale), List.of(decoy, payment));

        assertThat(results.get(0)).satisfies(r -> {
            assertThat(r.state()).isEqualTo(ResultState.MATCHED);
            assertThat(r.subject()).isEqualTo("tender:sh-001/till-1/r1#1");
            assertThat(r.paymentId()).isEqualTo("alipay:2026112622001");
            assertThat(r.expected()).isEqualTo(700);
            assertThat(r.actual()).isEqualTo(700);
            assertThat(r.discrepancyId()).isNull();
        });
        assertThat(results).filteredOn(r -> r.state() == ResultState.PAYMENT_WITHOUT_SALE)
                .singleElement().extracting(ReconciliationResult::paymentId).isEqualTo("alipay:2026112622999");
    }

    @Test
    void theProviderTradeNumberAsReferenceMatchesToo() {
        var sale = kept(sale("r1", "2026-11-26T09:15:30+08:00", tender(TenderType.WECHAT, 1250, "4200001234")));
        var payment = payment(PaymentProvider.WECHAT, "4200001234", "till-1-000777", PaymentStatus.PAID, 1250, 0,
                "2026-11-26T09:15:31+08:00");

        assertThat(states(run(NOV_26, List.of(sale), List.of(payment)))).containsExactly(ResultState.MATCHED);
    }

    @Test
    void withoutAUsableReferenceTheClosestPaymentOfTheAmountWithinTheWindowMatches() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        var far = paid("T-far", "O-far", 700, "2026-11-26T09:24:00+08:00");
        var near = paid("T-near", "O-near", 700, "2026-11-26T09:13:00+08:00");
        var otherAmount = paid("T-amount", "O-amount", 701, "2026-11-26T09:15:00+08:00");
        var otherProvider = payment(PaymentProvider.WECHAT, "T-wx", "O-wx", PaymentStatus.PAID, 700, 0,
                "2026-11-26T09:15:00+08:00");

        var results = run(NOV_26, List.of(sale), List.of(far, near, otherAmount, otherProvider));

        assertThat(results.get(0).state()).isEqualTo(ResultState.MATCHED);
        assertThat(results.get(0).paymentId()).isEqualTo("alipay:T-near");
        assertThat(results.get(0).detail()).contains("2 min apart");
        assertThat(results).filteredOn(r -> r.state() == ResultState.PAYMENT_WITHOUT_SALE)
                .extracting(ReconciliationResult::paymentId)
                .containsExactly("alipay:T-amount", "wechat:T-wx", "alipay:T-far");
    }

    @Test
    void aReferenceNamingNoPaymentFallsBackToTheWindowButNotBeyondIt() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "typo-123")));
        var tooLate = paid("T-late", "O-late", 700, "2026-11-26T09:25:01+08:00");

        var results = run(NOV_26, List.of(sale), List.of(tooLate));

        assertThat(states(results)).containsExactly(ResultState.SALE_WITHOUT_PAYMENT,
                ResultState.PAYMENT_WITHOUT_SALE);
        assertThat(results.get(0).expected()).isEqualTo(700);
        assertThat(results.get(0).actual()).isNull();
        assertThat(results.get(0).discrepancyId())
                .isEqualTo("sh-001:2026-11-26:sale-without-payment:tender:sh-001/till-1/r1#1");

        var inTime = paid("T-ok", "O-ok", 700, "2026-11-26T09:25:00+08:00");
        assertThat(states(run(NOV_26, List.of(sale), List.of(inTime)))).containsExactly(ResultState.MATCHED);
    }

    @Test
    void eachPaymentAnswersOneTenderOnly() {
        var first = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        var second = kept(sale("r2", "2026-11-26T09:16:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        var only = paid("T-1", "O-1", 700, "2026-11-26T09:15:30+08:00");

        var results = run(NOV_26, List.of(second, first), List.of(only));

        assertThat(results).extracting(ReconciliationResult::saleId, ReconciliationResult::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sh-001/till-1/r1", ResultState.MATCHED),
                        org.assertj.core.groups.Tuple.tuple("sh-001/till-1/r2", ResultState.SALE_WITHOUT_PAYMENT));
    }

    @Test
    void cashNeedsNoPaymentAndSplitTendersMatchSeparately() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.CASH, 500, null),
                tender(TenderType.ALIPAY, 300, "M-1"), tender(TenderType.CARD, 200, null)));
        var alipay = paid("T-1", "M-1", 300, "2026-11-26T09:15:10+08:00");
        var card = payment(PaymentProvider.CARD, "C-1", null, PaymentStatus.PAID, 200, 0,
                "2026-11-26T09:15:20+08:00");

        var results = run(NOV_26, List.of(sale), List.of(alipay, card));

        assertThat(results).extracting(ReconciliationResult::subject, ReconciliationResult::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tender:sh-001/till-1/r1#2", ResultState.MATCHED),
                org.assertj.core.groups.Tuple.tuple("tender:sh-001/till-1/r1#3", ResultState.MATCHED));
    }

    @Test
    void aPaymentNamedByReferenceWithAnotherNetIsAnAmountMismatch() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));
        var payment = paid("T-1", "M-1", 70, "2026-11-26T09:15:10+08:00");

        var result = run(NOV_26, List.of(sale), List.of(payment)).get(0);

        assertThat(result.state()).isEqualTo(ResultState.AMOUNT_MISMATCH);
        assertThat(result.expected()).isEqualTo(700);
        assertThat(result.actual()).isEqualTo(70);
        assertThat(result.paymentId()).isEqualTo("alipay:T-1");
        assertThat(result.discrepancyId()).isEqualTo("sh-001:2026-11-26:amount-mismatch:tender:sh-001/till-1/r1#1");
    }

    @Test
    void aRefundMakesTheNetDifferUntilTheReturnIsRungUp() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));
        var refunded = payment(PaymentProvider.ALIPAY, "T-1", "M-1", PaymentStatus.REFUNDED, 700, 200,
                "2026-11-26T09:15:10+08:00");

        var mismatch = run(NOV_26, List.of(sale), List.of(refunded)).get(0);
        assertThat(mismatch.state()).isEqualTo(ResultState.AMOUNT_MISMATCH);
        assertThat(mismatch.expected()).isEqualTo(700);
        assertThat(mismatch.actual()).isEqualTo(500);
        assertThat(mismatch.detail()).contains("refunded CNY 2.00 of CNY 7.00");

        var ret = kept(sale("r2", "2026-11-26T11:00:00+08:00", tender(TenderType.ALIPAY, -200, "M-1")));
        var both = run(NOV_26, List.of(sale, ret), List.of(refunded));
        assertThat(states(both)).containsExactly(ResultState.MATCHED, ResultState.MATCHED);
        assertThat(both.get(0).expected()).isEqualTo(500);
    }

    @Test
    void aClosedPaymentIsNeitherAnUnclaimedPaymentNorAWindowMatch() {
        var closed = payment(PaymentProvider.ALIPAY, "T-1", "M-1", PaymentStatus.CLOSED, 700, 0,
                "2026-11-26T09:15:10+08:00");
        assertThat(run(NOV_26, List.of(), List.of(closed))).isEmpty();

        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        assertThat(states(run(NOV_26, List.of(sale), List.of(closed))))
                .containsExactly(ResultState.SALE_WITHOUT_PAYMENT);

        // named by reference, the closed payment is found, and it collected nothing
        var named = kept(sale("r2", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));
        var result = run(NOV_26, List.of(named), List.of(closed)).get(0);
        assertThat(result.state()).isEqualTo(ResultState.AMOUNT_MISMATCH);
        assertThat(result.actual()).isZero();
        assertThat(result.detail()).contains("payment closed");
    }

    @Test
    void aPaymentAt2350LocalStatedInUtcBelongsToTheStoresDay() {
        // 23:50 in Shanghai is 15:50 UTC the same date; 00:10 in Shanghai is 16:10 UTC of the date before
        var lateSale = kept(sale("r1", "2026-11-26T23:50:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        var latePayment = paid("T-1", "O-1", 700, "2026-11-26T15:51:00Z");
        var earlySale = kept(sale("r2", "2026-11-27T00:10:00+08:00", tender(TenderType.ALIPAY, 900, null)));
        var earlyPayment = paid("T-2", "O-2", 900, "2026-11-26T16:11:00Z");
        List<SaleTenders> sales = List.of(lateSale, earlySale);
        List<Payment> payments = List.of(latePayment, earlyPayment);

        var day26 = run(NOV_26, sales, payments);
        var day27 = run(NOV_27, sales, payments);

        assertThat(day26).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ResultState.MATCHED);
            assertThat(r.paymentId()).isEqualTo("alipay:T-1");
        });
        assertThat(day27).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ResultState.MATCHED);
            assertThat(r.paymentId()).isEqualTo("alipay:T-2");
        });
        // without the store's zone, the UTC date would put the 00:11 payment on the 26th, without a sale
        assertThat(BusinessDays.of(earlyPayment.occurredAt(), null)).isEqualTo(NOV_26);
        assertThat(BusinessDays.of(earlyPayment.occurredAt(), SHANGHAI)).isEqualTo(NOV_27);
    }

    @Test
    void aSaleJustBeforeMidnightClaimsAPaymentJustAfter() {
        var sale = kept(sale("r1", "2026-11-26T23:58:00+08:00", tender(TenderType.ALIPAY, 700, null)));
        var payment = paid("T-1", "O-1", 700, "2026-11-27T00:01:00+08:00");

        assertThat(states(run(NOV_26, List.of(sale), List.of(payment)))).containsExactly(ResultState.MATCHED);
        assertThat(run(NOV_27, List.of(sale), List.of(payment))).isEmpty();
    }

    @Test
    void aBankEntryNamingTheTradeNumberSettlesThePayment() {
        var payment = paid("2026112622001", "M-1", 700, "2026-11-26T09:15:10+08:00");
        var entry = credit("E1", 700, NOV_27, detail(700L, null, "ALIPAY SETTLE 2026112622001 CNY 7.00"));

        var day26 = run(NOV_26, List.of(), List.of(payment), List.of(entry), LATER);
        var day27 = run(NOV_27, List.of(), List.of(payment), List.of(entry), LATER);

        assertThat(day26).filteredOn(r -> r.subject().startsWith("payout:")).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ResultState.SETTLED);
            assertThat(r.settlementId()).isEqualTo("CN1234567890:E1");
            assertThat(r.detail()).contains("2026112622001").contains("remittance");
        });
        assertThat(day27).isEmpty();
    }

    @Test
    void aCreditEqualToOneProvidersDayOfPaymentsSettlesThemAll() {
        var p1 = paid("T-1", "M-1", 700, "2026-11-26T09:00:00+08:00");
        var p2 = payment(PaymentProvider.ALIPAY, "T-2", "M-2", PaymentStatus.REFUNDED, 1000, 300,
                "2026-11-26T12:00:00+08:00");
        var p3 = paid("T-3", "M-3", 1200, "2026-11-26T23:59:00+08:00");
        var wechat = payment(PaymentProvider.WECHAT, "W-1", "M-4", PaymentStatus.PAID, 500, 0,
                "2026-11-26T10:00:00+08:00");
        // 700 + 700 + 1200 = 2600: the alipay payout of the 26th, booked on the 27th
        var payout = credit("E1", 2600, NOV_27, detail(null, "ALIPAY-BATCH-20261126", "ALIPAY DAILY SETTLEMENT"));

        var day26 = run(NOV_26, List.of(), List.of(p1, p2, p3, wechat), List.of(payout), LATER);
        var day27 = run(NOV_27, List.of(), List.of(p1, p2, p3, wechat), List.of(payout), LATER);

        assertThat(day26).filteredOn(r -> r.state() == ResultState.SETTLED)
                .extracting(ReconciliationResult::paymentId)
                .containsExactly("alipay:T-1", "alipay:T-2", "alipay:T-3");
        assertThat(day26).filteredOn(r -> r.state() == ResultState.PAYMENT_NOT_SETTLED)
                .extracting(ReconciliationResult::paymentId).containsExactly("wechat:W-1");
        assertThat(day27).isEmpty();
    }

    @Test
    void anUnexplainedCreditIsASettlementWithoutPayment() {
        var payment = paid("T-1", "M-1", 700, "2026-11-26T09:00:00+08:00");
        var stray = credit("E9", 4321, NOV_27, detail(4321L, "XYZ", "RENT REFUND"));
        var debit = credit("E10", -5000, NOV_27, detail(-5000L, null, "BANK FEES"));

        var day27 = run(NOV_27, List.of(), List.of(payment), List.of(stray, debit), LATER);

        assertThat(day27).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ResultState.SETTLEMENT_WITHOUT_PAYMENT);
            assertThat(r.subject()).isEqualTo("settlement:CN1234567890:E9");
            assertThat(r.actual()).isEqualTo(4321);
            assertThat(r.detail()).contains("RENT REFUND");
        });
    }

    @Test
    void aPaymentIsNotSettledOnlyAfterTheLagAndOnlyForAStoreWithBankData() {
        var payment = paid("T-1", "M-1", 700, "2026-11-26T09:00:00+08:00");
        var unrelated = credit("E1", 99, LocalDate.of(2026, 11, 20));

        var withinLag = run(NOV_26, List.of(), List.of(payment), List.of(unrelated),
                Instant.parse("2026-11-29T00:59:00Z"));
        var afterLag = run(NOV_26, List.of(), List.of(payment), List.of(unrelated),
                Instant.parse("2026-11-29T01:01:00Z"));
        var noBankData = run(NOV_26, List.of(), List.of(payment), List.of(), LATER);

        assertThat(states(withinLag)).containsExactly(ResultState.PAYMENT_WITHOUT_SALE);
        assertThat(states(afterLag)).containsExactly(ResultState.PAYMENT_WITHOUT_SALE,
                ResultState.PAYMENT_NOT_SETTLED);
        assertThat(afterLag.get(1).expected()).isEqualTo(700);
        assertThat(states(noBankData)).containsExactly(ResultState.PAYMENT_WITHOUT_SALE);
    }

    @Test
    void theSameInputsGiveTheSameLinesAndIds() {
        var sale = kept(sale("r1", "2026-11-26T09:15:00+08:00", tender(TenderType.ALIPAY, 700, "M-1")));
        var payment = paid("T-1", "M-1", 650, "2026-11-26T09:15:10+08:00");

        assertThat(run(NOV_26, List.of(sale), List.of(payment)))
                .isEqualTo(run(NOV_26, List.of(sale), List.of(payment)));
    }
}
