package org.storelink.insights.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import org.storelink.model.Payment;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.SaleRecorded;

/**
 * Keeps the insights rollups as events arrive, each event in one database transaction.
 *
 * <p>A sale is counted once (its id is the key of {@code insights_sale}), a payment event once (its event id).
 * A sale's customer is the payer of the payment whose merchant order number or provider trade number equals one of
 * its tender references, else the till's {@code customerRef}; its age band the payment's where the provider shared
 * it, else the till's. Sale and payment may arrive in either order: both lock the reference's row in
 * {@code insights_payment_link}, so whichever commits second sees the first. A sale's attribution is only ever
 * replaced as a whole (its contributions under the old customer removed, then added under the new), so it is never
 * counted twice.
 */
public final class JdbcRollups {
    /** Tries of one event when concurrent transactions race for the same new row or deadlock. */
    static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final Function<String, Optional<ZoneId>> storeZones;
    private final Clock clock;

    /** @param storeZones the time zone of a store, to place its sales on its own business day and hour */
    public JdbcRollups(DataSource dataSource, Function<String, Optional<ZoneId>> storeZones, Clock clock) {
        this.dataSource = dataSource;
        this.storeZones = storeZones;
        this.clock = clock;
    }

    /** Counts the sale once; returns false, changing nothing, when it was counted before. */
    public boolean recordSale(SaleRecorded event) throws SQLException {
        SaleFacts sale = SaleFacts.of(event, storeZones.apply(event.sale().storeId()));
        return inTransaction(connection -> {
            if (exists(connection, "SELECT 1 FROM insights_sale WHERE sale_id = ?", sale.saleId())) {
                return false;
            }
            insertSale(connection, sale, OffsetDateTime.now(clock));
            addToRollups(connection, sale);
            // Lock (or create) every reference's link row before reading links: see the class comment.
            for (String reference : new TreeSet<>(sale.references())) {
                lockLink(connection, sale.storeId(), reference);
            }
            insertReferences(connection, sale);
            attribute(connection, sale.saleId());
            return true;
        });
    }

    /**
     * Links the payment's references to its payer and re-attributes the sales already counted with them. Returns
     * false, changing nothing, when the event was counted before.
     */
    public boolean recordPayment(PaymentRecorded event) throws SQLException {
        Payment payment = event.payment();
        Set<String> references = new TreeSet<>();
        for (String reference : new String[] {payment.merchantOrderNo(), payment.providerTradeNo()}) {
            if (reference != null && !reference.isBlank()) {
                references.add(reference.strip());
            }
        }
        return inTransaction(connection -> {
            if (exists(connection, "SELECT 1 FROM insights_payment_event WHERE event_id = ?", event.eventId())) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO insights_payment_event (event_id, payment_id, counted_at) VALUES (?, ?, ?)")) {
                insert.setString(1, event.eventId());
                insert.setString(2, payment.paymentId());
                insert.setObject(3, OffsetDateTime.now(clock));
                insert.executeUpdate();
            }
            Set<String> sales = new TreeSet<>();
            for (String reference : references) {
                lockLink(connection, payment.storeId(), reference);
                // The first payer and age band a payment states stay: later notifications of it repeat them.
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE insights_payment_link SET payment_id = COALESCE(payment_id, ?),
                          payer_ref = COALESCE(payer_ref, ?), age_band = COALESCE(age_band, ?)
                        WHERE store_id = ? AND reference = ?""")) {
                    update.setString(1, payment.paymentId());
                    update.setString(2, blankToNull(payment.payerRef()));
                    update.setString(3, payment.ageBand() == null ? null : payment.ageBand().label());
                    update.setString(4, payment.storeId());
                    update.setString(5, reference);
                    update.executeUpdate();
                }
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT sale_id FROM insights_sale_reference WHERE store_id = ? AND reference = ?")) {
                    query.setString(1, payment.storeId());
                    query.setString(2, reference);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            sales.add(rows.getString(1));
                        }
                    }
                }
            }
            for (String saleId : sales) {
                attribute(connection, saleId);
            }
            return true;
        });
    }

    private static void insertSale(Connection connection, SaleFacts sale, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO insights_sale (sale_id, store_id, business_day, currency, is_return, sale_customer_ref,
                  sale_age_band, customer_ref, age_band, counted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)""")) {
            insert.setString(1, sale.saleId());
            insert.setString(2, sale.storeId());
            insert.setDate(3, Date.valueOf(sale.businessDay()));
            insert.setString(4, sale.currency());
            insert.setBoolean(5, sale.isReturn());
            insert.setString(6, sale.customerRef());
            insert.setString(7, sale.ageBand() == null ? null : sale.ageBand().label());
            insert.setObject(8, now);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO insights_sale_product (sale_id, gtin, name, units, revenue_minor)
                VALUES (?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, SaleFacts.Product> product : sale.products().entrySet()) {
                insert.setString(1, sale.saleId());
                insert.setString(2, product.getKey());
                insert.setString(3, product.getValue().name());
                insert.setBigDecimal(4, product.getValue().units());
                insert.setLong(5, product.getValue().revenue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertReferences(Connection connection, SaleFacts sale) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO insights_sale_reference (store_id, reference, sale_id, seq) VALUES (?, ?, ?, ?)")) {
            int seq = 0;
            for (String reference : sale.references()) {
                insert.setString(1, sale.storeId());
                insert.setString(2, reference);
                insert.setString(3, sale.saleId());
                insert.setInt(4, ++seq);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Standard SQL MERGE throughout: H2 and PostgreSQL 15+ both run it. */
    private static void addToRollups(Connection connection, SaleFacts sale) throws SQLException {
        Date day = Date.valueOf(sale.businessDay());
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO insights_hourly t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS SMALLINT), CAST(? AS CHAR(3)),
                  CAST(? AS INT), CAST(? AS INT), CAST(? AS BIGINT)))
                  AS s (store_id, business_day, hour_of_day, currency, sale_count, return_count, revenue_minor)
                ON t.store_id = s.store_id AND t.business_day = s.business_day AND t.hour_of_day = s.hour_of_day
                  AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET sale_count = t.sale_count + s.sale_count,
                  return_count = t.return_count + s.return_count, revenue_minor = t.revenue_minor + s.revenue_minor
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, hour_of_day, currency, sale_count,
                  return_count, revenue_minor)
                  VALUES (s.store_id, s.business_day, s.hour_of_day, s.currency, s.sale_count, s.return_count,
                  s.revenue_minor)""")) {
            merge.setString(1, sale.storeId());
            merge.setDate(2, day);
            merge.setInt(3, sale.hourOfDay());
            merge.setString(4, sale.currency());
            merge.setInt(5, sale.isReturn() ? 0 : 1);
            merge.setInt(6, sale.isReturn() ? 1 : 0);
            merge.setLong(7, sale.total());
            merge.executeUpdate();
        }
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO insights_daily_product t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS CHAR(14)), CAST(? AS CHAR(3)),
                  CAST(? AS VARCHAR(200)), CAST(? AS DECIMAL(18,3)), CAST(? AS BIGINT)))
                  AS s (store_id, business_day, gtin, currency, name, units, revenue_minor)
                ON t.store_id = s.store_id AND t.business_day = s.business_day AND t.gtin = s.gtin
                  AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET name = COALESCE(s.name, t.name), units = t.units + s.units,
                  revenue_minor = t.revenue_minor + s.revenue_minor
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, gtin, currency, name, units, revenue_minor)
                  VALUES (s.store_id, s.business_day, s.gtin, s.currency, s.name, s.units, s.revenue_minor)""")) {
            for (Map.Entry<String, SaleFacts.Product> product : sale.products().entrySet()) {
                merge.setString(1, sale.storeId());
                merge.setDate(2, day);
                merge.setString(3, product.getKey());
                merge.setString(4, sale.currency());
                merge.setString(5, product.getValue().name());
                merge.setBigDecimal(6, product.getValue().units());
                merge.setLong(7, product.getValue().revenue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
        if (sale.isReturn()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO insights_daily_basket t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS CHAR(3)), CAST(? AS BIGINT),
                  CAST(? AS BIGINT))) AS s (store_id, business_day, currency, item_count, value_minor)
                ON t.store_id = s.store_id AND t.business_day = s.business_day AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET sale_count = t.sale_count + 1, item_count = t.item_count + s.item_count,
                  value_minor = t.value_minor + s.value_minor
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, currency, sale_count, item_count, value_minor)
                  VALUES (s.store_id, s.business_day, s.currency, 1, s.item_count, s.value_minor)""")) {
            merge.setString(1, sale.storeId());
            merge.setDate(2, day);
            merge.setString(3, sale.currency());
            merge.setLong(4, sale.items());
            merge.setLong(5, sale.total());
            merge.executeUpdate();
        }
    }

    /** Locks a reference's link row, creating it empty when neither its sale nor its payment has been seen. */
    private static void lockLink(Connection connection, String storeId, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT reference FROM insights_payment_link WHERE store_id = ? AND reference = ? FOR UPDATE")) {
            select.setString(1, storeId);
            select.setString(2, reference);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        // A concurrent transaction creating the same row makes this fail with a unique violation: the whole
        // event is then tried again, and finds the row.
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO insights_payment_link (store_id, reference) VALUES (?, ?)")) {
            insert.setString(1, storeId);
            insert.setString(2, reference);
            insert.executeUpdate();
        }
    }

    /** Who bought, as far as the rollups are concerned; no customer means the sale counts for no customer. */
    private record Attribution(String customerRef, String ageBand) {
        static final Attribution NONE = new Attribution(null, null);
    }

    private record CountedSale(String storeId, LocalDate businessDay, String currency, boolean isReturn,
            Attribution till, Attribution current) {
    }

    /** Brings a counted sale's customer contributions in line with the links known now. */
    private static void attribute(Connection connection, String saleId) throws SQLException {
        CountedSale sale = countedSale(connection, saleId);
        Attribution wanted = sale.till();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT l.payer_ref, l.age_band FROM insights_sale_reference r
                JOIN insights_payment_link l ON l.store_id = r.store_id AND l.reference = r.reference
                WHERE r.sale_id = ? AND (l.payer_ref IS NOT NULL OR l.age_band IS NOT NULL)
                ORDER BY r.seq FETCH FIRST 1 ROWS ONLY""")) {
            query.setString(1, saleId);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    // Either side may lack a band (most providers share none) or a payer: keep what the other has.
                    String payer = rows.getString(1);
                    String band = rows.getString(2);
                    wanted = new Attribution(payer != null ? payer : wanted.customerRef(),
                            band != null ? band : wanted.ageBand());
                }
            }
        }
        // A band without a customer cannot be counted towards k, so it counts for nothing.
        if (wanted.customerRef() == null) {
            wanted = Attribution.NONE;
        }
        if (wanted.equals(sale.current())) {
            return;
        }
        List<ProductRow> products = products(connection, saleId);
        contribute(connection, sale, sale.current(), products, -1);
        contribute(connection, sale, wanted, products, 1);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE insights_sale SET customer_ref = ?, age_band = ? WHERE sale_id = ?")) {
            update.setString(1, wanted.customerRef());
            update.setString(2, wanted.ageBand());
            update.setString(3, saleId);
            update.executeUpdate();
        }
    }

    private static CountedSale countedSale(Connection connection, String saleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT store_id, business_day, currency, is_return, sale_customer_ref, sale_age_band, customer_ref,
                  age_band FROM insights_sale WHERE sale_id = ?""")) {
            query.setString(1, saleId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("sale " + saleId + " is referenced but not counted");
                }
                return new CountedSale(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getString(3),
                        rows.getBoolean(4), new Attribution(rows.getString(5), rows.getString(6)),
                        new Attribution(rows.getString(7), rows.getString(8)));
            }
        }
    }

    private record ProductRow(String gtin, String name, BigDecimal units, long revenue) {
    }

    private static List<ProductRow> products(Connection connection, String saleId) throws SQLException {
        List<ProductRow> products = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT gtin, name, units, revenue_minor FROM insights_sale_product WHERE sale_id = ? ORDER BY gtin")) {
            query.setString(1, saleId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    products.add(new ProductRow(rows.getString(1), rows.getString(2), rows.getBigDecimal(3),
                            rows.getLong(4)));
                }
            }
        }
        return products;
    }

    /**
     * Adds ({@code sign} 1) or removes (-1) what a sale contributes under one attribution: a visit of the customer
     * on the sale's day (returns are no visit), and per product its units and revenue in the customer's age band.
     * Rows whose sale count falls to zero are deleted, so a removed attribution leaves no trace.
     */
    private static void contribute(Connection connection, CountedSale sale, Attribution attribution,
                                   List<ProductRow> products, int sign) throws SQLException {
        if (attribution.customerRef() == null) {
            return;
        }
        Date day = Date.valueOf(sale.businessDay());
        if (!sale.isReturn()) {
            try (PreparedStatement merge = connection.prepareStatement("""
                    MERGE INTO insights_customer_day t
                    USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)), CAST(? AS DATE), CAST(? AS INT)))
                      AS s (store_id, customer_ref, business_day, sale_count)
                    ON t.store_id = s.store_id AND t.customer_ref = s.customer_ref AND t.business_day = s.business_day
                    WHEN MATCHED THEN UPDATE SET sale_count = t.sale_count + s.sale_count
                    WHEN NOT MATCHED THEN INSERT (store_id, customer_ref, business_day, sale_count)
                      VALUES (s.store_id, s.customer_ref, s.business_day, s.sale_count)""")) {
                merge.setString(1, sale.storeId());
                merge.setString(2, attribution.customerRef());
                merge.setDate(3, day);
                merge.setInt(4, sign);
                merge.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM insights_customer_day WHERE store_id = ? AND customer_ref = ? AND business_day = ?
                      AND sale_count <= 0""")) {
                delete.setString(1, sale.storeId());
                delete.setString(2, attribution.customerRef());
                delete.setDate(3, day);
                delete.executeUpdate();
            }
        }
        if (attribution.ageBand() == null || products.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO insights_band_product t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(8)), CAST(? AS CHAR(14)),
                  CAST(? AS VARCHAR(128)), CAST(? AS DATE), CAST(? AS CHAR(3)), CAST(? AS VARCHAR(200)),
                  CAST(? AS DECIMAL(18,3)), CAST(? AS BIGINT), CAST(? AS INT)))
                  AS s (store_id, age_band, gtin, customer_ref, business_day, currency, name, units, revenue_minor,
                  sale_count)
                ON t.store_id = s.store_id AND t.age_band = s.age_band AND t.gtin = s.gtin
                  AND t.customer_ref = s.customer_ref AND t.business_day = s.business_day AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET name = COALESCE(s.name, t.name), units = t.units + s.units,
                  revenue_minor = t.revenue_minor + s.revenue_minor, sale_count = t.sale_count + s.sale_count
                WHEN NOT MATCHED THEN INSERT (store_id, age_band, gtin, customer_ref, business_day, currency, name,
                  units, revenue_minor, sale_count)
                  VALUES (s.store_id, s.age_band, s.gtin, s.customer_ref, s.business_day, s.currency, s.name,
                  s.units, s.revenue_minor, s.sale_count)""")) {
            for (ProductRow product : products) {
                merge.setString(1, sale.storeId());
                merge.setString(2, attribution.ageBand());
                merge.setString(3, product.gtin());
                merge.setString(4, attribution.customerRef());
                merge.setDate(5, day);
                merge.setString(6, sale.currency());
                merge.setString(7, product.name());
                merge.setBigDecimal(8, sign > 0 ? product.units() : product.units().negate());
                merge.setLong(9, sign > 0 ? product.revenue() : -product.revenue());
                merge.setInt(10, sign);
                merge.addBatch();
            }
            merge.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM insights_band_product WHERE store_id = ? AND age_band = ? AND customer_ref = ?
                  AND business_day = ? AND sale_count <= 0""")) {
            delete.setString(1, sale.storeId());
            delete.setString(2, attribution.ageBand());
            delete.setString(3, attribution.customerRef());
            delete.setDate(4, day);
            delete.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (!(e instanceof SQLException sql) || !retryable(sql) || attempt >= ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
    }

    /**
     * Conflicts between concurrent transactions, which succeed when tried again: a unique violation (two created
     * the same new row), a serialization failure or deadlock, or (H2) a lock timeout.
     */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
    }
}
