package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storelink.model.json.Json;

class PaymentEventsTest {

    private static final OffsetDateTime PAID_AT = OffsetDateTime.parse("2026-11-20T23:50:00+08:00");

    private static Payment payment(PaymentStatus status, long amount, long refunded) {
        return new Payment(Payment.idOf(PaymentProvider.ALIPAY, "2026112022001"), PaymentProvider.ALIPAY,
                "sh-campus-001", "POS1-000123", "2026112022001", status, amount, refunded, "CNY", PAID_AT,
                "alipay:9f1c", AgeBand.AGE_18_24);
    }

    @Test
    void netIsWhatTheMerchantKeeps() {
        assertThat(payment(PaymentStatus.PAID, 1250, 0).net()).isEqualTo(1250);
        assertThat(payment(PaymentStatus.REFUNDED, 1250, 250).net()).isEqualTo(1000);
        assertThat(payment(PaymentStatus.CLOSED, 1250, 1250).net()).isZero();
        assertThat(payment(PaymentStatus.REFUNDED, 1250, 250).netMoney().format()).isEqualTo("CNY 10.00");
    }

    @Test
    void refundsCannotExceedTheAmountAndCurrencyMustBeIso() {
        assertThatThrownBy(() -> payment(PaymentStatus.REFUNDED, 100, 101))
                .hasMessageContaining("0 <= refunded <= amount");
        assertThatThrownBy(() -> payment(PaymentStatus.PAID, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payment("x", PaymentProvider.WECHAT, "s", null, null, PaymentStatus.PAID, 1, 0,
                "RMB", PAID_AT, null, null)).hasMessageContaining("RMB");
    }

    @Test
    void paymentEventsRoundTripWithTheirOffsetAndLabels() {
        PaymentRecorded event = new PaymentRecorded("alipay:n1", Instant.parse("2026-11-20T15:50:01Z"),
                "payments-alipay", payment(PaymentStatus.PAID, 1250, 0));
        String json = new String(Json.write(event), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"provider\":\"alipay\"", "\"status\":\"paid\"", "\"ageBand\":\"18-24\"",
                "\"occurredAt\":\"2026-11-20T23:50:00+08:00\"");
        assertThat(Json.read(Json.write(event), PaymentRecorded.class)).isEqualTo(event);
    }

    @Test
    void settlementEventsRoundTripWithSignedAmountsAndDetails() {
        Settlement settlement = new Settlement("CH9300762011623852957:REF-1", "sh-campus-001",
                "CH9300762011623852957", -2500, "CNY", LocalDate.parse("2026-11-21"), null, "REF-1",
                List.of(new Settlement.Detail(-2500L, new Money(-350, "USD"), "E2E-1", "payout", "Alipay")),
                "STMT-1");
        SettlementRecorded event = new SettlementRecorded("s1", Instant.parse("2026-11-21T01:00:00Z"),
                "bank-statements", settlement);
        assertThat(Json.read(Json.write(event), SettlementRecorded.class)).isEqualTo(event);
    }
}
