package org.storelink.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

/** Inputs shared by the ledger tests. */
final class TestSales {
    static final Gtin GREEN_TEA = Gtin.parse("6901234567892");
    static final Gtin BANANAS = Gtin.parse("2000000000534");
    static final Gtin COFFEE = Gtin.parse("4006381333931");
    static final Instant RECORDED_AT = Instant.parse("2026-11-26T01:16:00Z");

    static final String VALID_BODY = "{\"posId\":\"till-1\",\"receiptNo\":\"000123\","
            + "\"occurredAt\":\"2026-11-26T09:15:30+08:00\",\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\","
            + "\"name\":\"Green tea 500ml\",\"quantity\":2,\"unitPrice\":350,\"discount\":0,\"promotionCode\":null}],"
            + "\"tenders\":[{\"type\":\"alipay\",\"amount\":700,\"reference\":\"2026112622001\"}],\"customerRef\":null}";

    private TestSales() {
    }

    /** A fresh, empty in-memory database of its own. */
    static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdown(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    static SaleLine line(int lineNo, Gtin gtin, String name, String quantity, long unitPrice, long discount) {
        return new SaleLine(lineNo, gtin, name, new BigDecimal(quantity), unitPrice, discount, null, null);
    }

    static SaleLine voiding(int lineNo, SaleLine voided, String quantity) {
        return new SaleLine(lineNo, voided.gtin(), voided.name(), new BigDecimal(quantity), voided.unitPrice(),
                voided.discount(), null, voided.lineNo());
    }

    /** A sale paid exactly by one tender, so it would also pass validation. */
    static Sale sale(String storeId, String receiptNo, String occurredAt, String currency, SaleLine... lines) {
        long total = 0;
        for (SaleLine line : lines) {
            total += line.amount();
        }
        return new Sale(storeId, "till-1", receiptNo, OffsetDateTime.parse(occurredAt), currency, List.of(lines),
                0, 0, List.of(), List.of(new Tender(TenderType.ALIPAY, total, "ref-" + receiptNo)), 0, null, null,
                null);
    }

    static SaleRecorded recorded(Sale sale) {
        return new SaleRecorded(UUID.randomUUID().toString(), RECORDED_AT, "pos-webhook", sale);
    }
}
