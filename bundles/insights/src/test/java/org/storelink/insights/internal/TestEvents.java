package org.storelink.insights.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.AgeBand;
import org.storelink.model.Gtin;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

/** Inputs and database helpers shared by the insights tests. */
final class TestEvents {
    static final String STORE = "sh-001";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Gtin GREEN_TEA = Gtin.parse("6901234567892");
    static final Gtin BANANAS = Gtin.parse("2000000000534");
    static final Gtin COFFEE = Gtin.parse("4006381333931");
    static final Instant RECORDED_AT = Instant.parse("2026-11-26T01:16:00Z");

    private TestEvents() {
    }

    static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:insights-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdown(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** Rows of a query as lists of column values, with decimals stripped of trailing zeros. */
    static List<List<Object>> rows(DataSource dataSource, String sql, Object... parameters) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                query.setObject(i + 1, parameter instanceof LocalDate day ? java.sql.Date.valueOf(day) : parameter);
            }
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        Object value = result.getObject(column);
                        if (value instanceof BigDecimal decimal) {
                            value = JdbcInsightsQueries.units(decimal);
                        } else if (value instanceof java.sql.Date date) {
                            value = date.toLocalDate();
                        } else if (value instanceof Short || value instanceof Integer) {
                            value = ((Number) value).longValue();
                        } else if (value instanceof String text) {
                            value = text.strip();
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static SaleLine line(int lineNo, Gtin gtin, String name, String quantity, long unitPrice) {
        return new SaleLine(lineNo, gtin, name, new BigDecimal(quantity), unitPrice, 0, null, null);
    }

    static SaleLine voiding(int lineNo, SaleLine voided) {
        return new SaleLine(lineNo, voided.gtin(), voided.name(), voided.quantity().negate(), voided.unitPrice(),
                voided.discount(), null, voided.lineNo());
    }

    /** A builder for a sale paid exactly by one tender with a reference (or cash when the reference is null). */
    static final class SaleBuilder {
        private final String receiptNo;
        private String store = STORE;
        private String occurredAt = "2026-11-26T09:15:30+08:00";
        private String currency = "CNY";
        private final List<SaleLine> lines = new ArrayList<>();
        private String reference;
        private String customerRef;
        private AgeBand ageBand;
        private LocalDate businessDay;

        SaleBuilder(String receiptNo) {
            this.receiptNo = receiptNo;
        }

        SaleBuilder store(String store) {
            this.store = store;
            return this;
        }

        SaleBuilder at(String occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        SaleBuilder currency(String currency) {
            this.currency = currency;
            return this;
        }

        SaleBuilder line(Gtin gtin, String name, String quantity, long unitPrice) {
            lines.add(TestEvents.line(lines.size() + 1, gtin, name, quantity, unitPrice));
            return this;
        }

        SaleBuilder voidLast() {
            lines.add(voiding(lines.size() + 1, lines.get(lines.size() - 1)));
            return this;
        }

        SaleBuilder paidWith(String reference) {
            this.reference = reference;
            return this;
        }

        SaleBuilder customer(String customerRef, AgeBand ageBand) {
            this.customerRef = customerRef;
            this.ageBand = ageBand;
            return this;
        }

        SaleBuilder businessDay(LocalDate businessDay) {
            this.businessDay = businessDay;
            return this;
        }

        Sale sale() {
            long total = 0;
            for (SaleLine line : lines) {
                total += line.amount();
            }
            Tender tender = reference == null ? new Tender(TenderType.CASH, total, null)
                    : new Tender(TenderType.ALIPAY, total, reference);
            return new Sale(store, "till-1", receiptNo, OffsetDateTime.parse(occurredAt), currency, List.copyOf(lines),
                    0, 0, List.of(), List.of(tender), 0, null, customerRef, ageBand);
        }

        SaleRecorded recorded() {
            return new SaleRecorded(UUID.randomUUID().toString(), RECORDED_AT, "pos-webhook", sale(), businessDay);
        }
    }

    static SaleBuilder sale(String receiptNo) {
        return new SaleBuilder(receiptNo);
    }

    static Payment payment(String merchantOrderNo, String tradeNo, String payerRef, AgeBand ageBand) {
        return new Payment(Payment.idOf(PaymentProvider.ALIPAY, tradeNo), PaymentProvider.ALIPAY, STORE,
                merchantOrderNo, tradeNo, PaymentStatus.PAID, 700, 0, "CNY",
                OffsetDateTime.parse("2026-11-26T09:15:20+08:00"), payerRef, ageBand);
    }

    static PaymentRecorded paid(Payment payment) {
        return new PaymentRecorded("alipay:" + UUID.randomUUID(), RECORDED_AT, "payments-alipay", payment);
    }
}
