package org.storelink.reconciliation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.Gtin;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

/** Inputs shared by the reconciliation tests: a Shanghai store, its sales, payments and bank entries. */
final class TestData {
    static final String STORE = "sh-001";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    static final Gtin GREEN_TEA = Gtin.parse("6901234567892");

    private TestData() {
    }

    static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reconciliation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdown(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    static Tender tender(TenderType type, long amount, String reference) {
        return new Tender(type, amount, reference);
    }

    /** A valid sale of green tea paid by exactly these tenders. */
    static Sale sale(String receiptNo, String occurredAt, Tender... tenders) {
        long total = 0;
        for (Tender tender : tenders) {
            total += tender.amount();
        }
        // a line of total/350 teas would not be exact; one line priced at the whole total keeps the books balanced
        SaleLine line = new SaleLine(1, GREEN_TEA, "Green tea", BigDecimal.ONE, total, 0, null, null);
        return new Sale(STORE, "till-1", receiptNo, OffsetDateTime.parse(occurredAt), "CNY", List.of(line), 0, 0,
                List.of(), List.of(tenders), 0, null, null, null);
    }

    static SaleRecorded recorded(Sale sale) {
        return new SaleRecorded(UUID.randomUUID().toString(), Instant.parse("2026-11-26T01:16:00Z"), "pos-webhook",
                sale);
    }

    static SaleTenders kept(Sale sale) {
        return SaleTenders.of(sale, BusinessDays.of(sale.occurredAt(), SHANGHAI));
    }

    static Payment payment(PaymentProvider provider, String tradeNo, String orderNo, PaymentStatus status,
            long amount, long refunded, String occurredAt) {
        return new Payment(Payment.idOf(provider, tradeNo), provider, STORE, orderNo, tradeNo, status, amount,
                refunded, "CNY", OffsetDateTime.parse(occurredAt), null, null);
    }

    static Payment paid(String tradeNo, String orderNo, long amount, String occurredAt) {
        return payment(PaymentProvider.ALIPAY, tradeNo, orderNo, PaymentStatus.PAID, amount, 0, occurredAt);
    }

    static PaymentRecorded recorded(Payment payment, String recordedAt) {
        return new PaymentRecorded("alipay:" + UUID.randomUUID(), Instant.parse(recordedAt), "payments-alipay",
                payment);
    }

    static Settlement.Detail detail(Long amount, String endToEndId, String remittance) {
        return new Settlement.Detail(amount, null, endToEndId, remittance, "Alipay (China) Network Technology");
    }

    static Settlement credit(String entryRef, long amount, LocalDate bookingDate, Settlement.Detail... details) {
        return new Settlement("CN1234567890:" + entryRef, STORE, "CN1234567890", amount, "CNY", bookingDate,
                bookingDate, entryRef, List.of(details), "stmt-" + bookingDate);
    }

    static SettlementRecorded recorded(Settlement settlement) {
        return new SettlementRecorded(UUID.randomUUID().toString(), Instant.parse("2026-11-28T02:00:00Z"),
                "bank-statements", settlement);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static <T> List<T> listOf(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
