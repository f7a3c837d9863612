package org.storelink.ledger.internal;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.storelink.ledger.SalesQueries;
import org.storelink.ledger.LatestPrice;
import org.storelink.ledger.SalesSummary;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Tender;
import org.storelink.model.json.Json;

/**
 * The ledger's tables through plain JDBC. A sale and its rollup rows are written in one database transaction;
 * the sale id is the primary key, so a resent sale is refused by the database and changes nothing.
 */
public final class JdbcLedger implements SalesQueries {
    /** SQLSTATE of a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Tries of one sale when concurrent consumers race to create the same rollup row. */
    static final int ROLLUP_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Function<String, Optional<ZoneId>> storeZones;
    private final Clock clock;

    /** @param storeZones the time zone of a store, to place its sales on its own business day */
    public JdbcLedger(DataSource dataSource, Function<String, Optional<ZoneId>> storeZones, Clock clock) {
        this.dataSource = dataSource;
        this.storeZones = storeZones;
        this.clock = clock;
    }

    /** Stores the sale once; returns false, changing nothing, when its id is already stored. */
    public boolean store(SaleRecorded event) throws SQLException {
        Sale sale = event.sale();
        LocalDate businessDay = event.businessDay() != null ? event.businessDay()
                : storeZones.apply(sale.storeId())
                        .map(zone -> sale.occurredAt().atZoneSameInstant(zone).toLocalDate())
                        .orElse(sale.occurredAt().toLocalDate());
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    insertSale(connection, event, businessDay);
                    insertLines(connection, sale);
                    insertTenders(connection, sale);
                    addToRollup(connection, sale, businessDay);
                    connection.commit();
                    return true;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    if (count(connection, sale.saleId()) == 1) {
                        return false;
                    }
                    // Another consumer created the same new rollup row first: the MERGE now finds it.
                    if (attempt >= ROLLUP_ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private void insertSale(Connection connection, SaleRecorded event, LocalDate businessDay) throws SQLException {
        Sale sale = event.sale();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_sale (sale_id, store_id, pos_id, receipt_no, occurred_at, business_day, currency,
                  total_minor, tax_added_minor, line_count, customer_ref, age_band, source, event_id, recorded_at,
                  stored_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, sale.saleId());
            insert.setString(2, sale.storeId());
            insert.setString(3, sale.posId());
            insert.setString(4, sale.receiptNo());
            insert.setObject(5, sale.occurredAt());
            insert.setDate(6, Date.valueOf(businessDay));
            insert.setString(7, sale.currency());
            insert.setLong(8, sale.total());
            insert.setLong(9, sale.taxAdded());
            insert.setInt(10, sale.lines().size());
            insert.setString(11, sale.customerRef());
            insert.setString(12, sale.ageBand() == null ? null : sale.ageBand().label());
            insert.setString(13, event.source());
            insert.setString(14, event.eventId());
            insert.setObject(15, event.recordedAt().atOffset(ZoneOffset.UTC));
            insert.setObject(16, OffsetDateTime.now(clock));
            insert.setString(17, new String(Json.write(sale), java.nio.charset.StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static void insertLines(Connection connection, Sale sale) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_sale_line (sale_id, line_no, gtin, name, quantity, unit_price_minor,
                  discount_minor, amount_minor, promotion_code, voids_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (SaleLine line : sale.lines()) {
                insert.setString(1, sale.saleId());
                insert.setInt(2, line.lineNo());
                insert.setString(3, line.gtin().value());
                insert.setString(4, line.name());
                insert.setBigDecimal(5, line.quantity());
                insert.setLong(6, line.unitPrice());
                insert.setLong(7, line.discount());
                insert.setLong(8, line.amount());
                insert.setString(9, line.promotionCode());
                insert.setObject(10, line.voidsLine());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertTenders(Connection connection, Sale sale) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_tender (sale_id, seq, tender_type, amount_minor, reference)
                VALUES (?, ?, ?, ?, ?)""")) {
            int seq = 0;
            for (Tender tender : sale.tenders()) {
                insert.setString(1, sale.saleId());
                insert.setInt(2, ++seq);
                insert.setString(3, tender.type().label());
                insert.setLong(4, tender.amount());
                insert.setString(5, tender.reference());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record ProductDay(String name, BigDecimal units, long revenue) {
        ProductDay plus(SaleLine line) {
            return new ProductDay(line.name() != null ? line.name() : name, units.add(line.quantity()),
                    revenue + line.amount());
        }
    }

    private static void addToRollup(Connection connection, Sale sale, LocalDate businessDay) throws SQLException {
        Map<String, ProductDay> perProduct = new LinkedHashMap<>();
        for (SaleLine line : sale.lines()) {
            perProduct.merge(line.gtin().value(), new ProductDay(line.name(), line.quantity(), line.amount()),
                    (sum, added) -> sum.plus(line));
        }
        // Standard SQL MERGE: H2 and PostgreSQL 15+ both run it.
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO ledger_daily_product t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS CHAR(14)), CAST(? AS CHAR(3)),
                               CAST(? AS VARCHAR(200)), CAST(? AS DECIMAL(18,3)), CAST(? AS BIGINT)))
                  AS s (store_id, business_day, gtin, currency, name, units, revenue_minor)
                ON t.store_id = s.store_id AND t.business_day = s.business_day AND t.gtin = s.gtin
                   AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET units = t.units + s.units, revenue_minor = t.revenue_minor
                   + s.revenue_minor, sale_count = t.sale_count + 1, name = COALESCE(s.name, t.name)
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, gtin, currency, name, units, revenue_minor,
                   sale_count)
                   VALUES (s.store_id, s.business_day, s.gtin, s.currency, s.name, s.units, s.revenue_minor, 1)""")) {
            for (Map.Entry<String, ProductDay> entry : perProduct.entrySet()) {
                merge.setString(1, sale.storeId());
                merge.setDate(2, Date.valueOf(businessDay));
                merge.setString(3, entry.getKey());
                merge.setString(4, sale.currency());
                merge.setString(5, entry.getValue().name());
                merge.setBigDecimal(6, entry.getValue().units());
                merge.setLong(7, entry.getValue().revenue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    @Override
    public SalesSummary summary(Optional<String> store, Optional<LocalDate> day, int topProducts) {
        String where = " WHERE (CAST(? AS VARCHAR(64)) IS NULL OR store_id = ?) AND (CAST(? AS DATE) IS NULL OR business_day = ?)";
        try (Connection connection = dataSource.getConnection()) {
            long sales = 0;
            List<Money> revenue = new ArrayList<>();
            try (PreparedStatement totals = connection.prepareStatement(
                    "SELECT currency, COUNT(*), SUM(total_minor) FROM ledger_sale" + where
                            + " GROUP BY currency ORDER BY SUM(total_minor) DESC, currency")) {
                bindFilter(totals, store, day);
                try (ResultSet rows = totals.executeQuery()) {
                    while (rows.next()) {
                        sales += rows.getLong(2);
                        revenue.add(new Money(rows.getLong(3), rows.getString(1)));
                    }
                }
            }
            List<SalesSummary.TopProduct> top = new ArrayList<>();
            try (PreparedStatement products = connection.prepareStatement(
                    "SELECT gtin, currency, MAX(name), SUM(units), SUM(revenue_minor) FROM ledger_daily_product"
                            + where + " GROUP BY gtin, currency ORDER BY SUM(revenue_minor) DESC, gtin"
                            + " FETCH FIRST ? ROWS ONLY")) {
                bindFilter(products, store, day);
                products.setInt(5, topProducts);
                try (ResultSet rows = products.executeQuery()) {
                    while (rows.next()) {
                        top.add(new SalesSummary.TopProduct(rows.getString(1), rows.getString(3),
                                rows.getBigDecimal(4).stripTrailingZeros(),
                                new Money(rows.getLong(5), rows.getString(2))));
                    }
                }
            }
            return new SalesSummary(sales, revenue, top);
        } catch (SQLException e) {
            throw new IllegalStateException("ledger query failed: " + e.getMessage(), e);
        }
    }

    /** See {@link org.storelink.ledger.SalesQueries#forEachBasket}: one pass over the lines, ordered by sale. */
    public long forEachBasket(Collection<String> storeIds, LocalDate from, LocalDate to,
            Consumer<List<String>> basket) {
        if (storeIds.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", Collections.nCopies(storeIds.size(), "?"));
        // Positive lines that no later line voids; a return (negative quantity) buys nothing.
        String sql = "SELECT l.sale_id, l.gtin, l.name FROM ledger_sale s JOIN ledger_sale_line l"
                + " ON l.sale_id = s.sale_id WHERE s.store_id IN (" + marks + ")"
                + " AND s.business_day BETWEEN ? AND ? AND l.quantity > 0 AND l.voids_line IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ledger_sale_line v WHERE v.sale_id = l.sale_id"
                + " AND v.voids_line = l.line_no)"
                + " ORDER BY s.business_day, l.sale_id, l.line_no";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (String storeId : storeIds) {
                query.setString(index++, storeId);
            }
            query.setObject(index++, from);
            query.setObject(index, to);
            query.setFetchSize(1000);
            long baskets = 0;
            String current = null;
            LinkedHashSet<String> items = new LinkedHashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String saleId = rows.getString(1);
                    if (!saleId.equals(current)) {
                        if (!items.isEmpty()) {
                            basket.accept(List.copyOf(items));
                            baskets++;
                        }
                        items.clear();
                        current = saleId;
                    }
                    String name = rows.getString(3);
                    items.add(name == null || name.isBlank() ? rows.getString(2) : name);
                }
            }
            if (!items.isEmpty()) {
                basket.accept(List.copyOf(items));
                baskets++;
            }
            return baskets;
        } catch (SQLException e) {
            throw new IllegalStateException("ledger query failed: " + e.getMessage(), e);
        }
    }

    /** See {@link org.storelink.ledger.SalesQueries#latestPrices}: newest lines first, the first per GTIN kept. */
    public List<LatestPrice> latestPrices(String storeId, LocalDate since) {
        String sql = "SELECT l.gtin, l.name, l.unit_price_minor, s.currency, s.occurred_at, l.promotion_code"
                + " FROM ledger_sale s JOIN ledger_sale_line l ON l.sale_id = s.sale_id"
                + " WHERE s.store_id = ? AND s.business_day >= ? AND l.quantity > 0 AND l.voids_line IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ledger_sale_line v WHERE v.sale_id = l.sale_id"
                + " AND v.voids_line = l.line_no)"
                + " ORDER BY s.occurred_at DESC, s.sale_id DESC, l.line_no DESC";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, storeId);
            query.setObject(2, since);
            Map<String, LatestPrice> latest = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latest.putIfAbsent(rows.getString(1), new LatestPrice(rows.getString(1), rows.getString(2),
                            new Money(rows.getLong(3), rows.getString(4)),
                            rows.getObject(5, OffsetDateTime.class), rows.getString(6)));
                }
            }
            return List.copyOf(latest.values());
        } catch (SQLException e) {
            throw new IllegalStateException("ledger query failed: " + e.getMessage(), e);
        }
    }

    private static void bindFilter(PreparedStatement statement, Optional<String> store, Optional<LocalDate> day)
            throws SQLException {
        statement.setString(1, store.orElse(null));
        statement.setString(2, store.orElse(null));
        Date date = day.map(Date::valueOf).orElse(null);
        statement.setDate(3, date);
        statement.setDate(4, date);
    }

    @Override
    public boolean contains(String saleId) {
        return count(saleId) > 0;
    }

    @Override
    public long count(String saleId) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, saleId);
        } catch (SQLException e) {
            throw new IllegalStateException("ledger query failed: " + e.getMessage(), e);
        }
    }

    private static long count(Connection connection, String saleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM ledger_sale WHERE sale_id = ?")) {
            query.setString(1, saleId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
