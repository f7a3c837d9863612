package org.storelink.recommend.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;

/**
 * The recommend module's sales history through plain JDBC (H2 and PostgreSQL 15+, both run standard MERGE). A sale
 * and all its rollup rows are written in one database transaction; the sale id is a primary key, so a redelivered
 * or resent sale is refused by the database and changes nothing.
 */
public class JdbcSalesHistory implements SalesHistory {
    private static final String UNIQUE_VIOLATION = "23505";
    /** Tries of one sale when concurrent consumers race to create the same rollup row. */
    static final int ATTEMPTS = 3;
    private static final int IN_LIST = 500;

    private final DataSource dataSource;
    private final Function<String, Optional<ZoneId>> storeZones;
    private final Clock clock;

    /** @param storeZones the time zone of a store, to place its sales on its own business day */
    public JdbcSalesHistory(DataSource dataSource, Function<String, Optional<ZoneId>> storeZones, Clock clock) {
        this.dataSource = dataSource;
        this.storeZones = storeZones;
        this.clock = clock;
    }

    /** The business day: the one the source states, else the calendar day in the store's zone. */
    LocalDate businessDay(SaleRecorded event) {
        Sale sale = event.sale();
        if (event.businessDay() != null) {
            return event.businessDay();
        }
        return storeZones.apply(sale.storeId())
                .map(zone -> sale.occurredAt().atZoneSameInstant(zone).toLocalDate())
                .orElse(sale.occurredAt().toLocalDate());
    }

    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Adds the sale to the history once; returns false, changing nothing, when it is already there. */
    public boolean record(SaleRecorded event) throws SQLException {
        Sale sale = event.sale();
        LocalDate day = businessDay(event);
        Rollup rollup = Rollup.of(sale);
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    insertSale(connection, sale, day);
                    mergeWeekly(connection, sale, day, rollup);
                    mergePrices(connection, sale, day, rollup);
                    mergeNames(connection, sale, rollup);
                    connection.commit();
                    return true;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    if (contains(connection, sale.saleId())) {
                        return false;
                    }
                    // another consumer created the same new rollup row first: the MERGE finds it next time
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** One sale's lines summed per product and per product and price. */
    private record Rollup(Map<String, Product> products, Map<String, Map<Long, PriceUnits>> prices,
                          Map<String, String> names) {

        static Rollup of(Sale sale) {
            Map<String, Product> products = new LinkedHashMap<>();
            Map<String, Map<Long, PriceUnits>> prices = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (SaleLine line : sale.lines()) {
                String gtin = line.gtin().value();
                boolean sold = line.quantity().signum() > 0;
                products.merge(gtin, Product.of(line, sold), Product::plus);
                prices.computeIfAbsent(gtin, g -> new LinkedHashMap<>())
                        .merge(line.unitPrice(), new PriceUnits(line.quantity(), sold ? 1 : 0), PriceUnits::plus);
                if (line.name() != null && !line.name().isBlank()) {
                    names.put(gtin, line.name());
                }
            }
            return new Rollup(products, prices, names);
        }
    }

    private record Product(BigDecimal units, long revenue, int lines, Long minPrice, Long maxPrice) {
        static Product of(SaleLine line, boolean sold) {
            return new Product(line.quantity(), line.amount(), sold ? 1 : 0, sold ? line.unitPrice() : null,
                    sold ? line.unitPrice() : null);
        }

        Product plus(Product other) {
            return new Product(units.add(other.units), Math.addExact(revenue, other.revenue), lines + other.lines,
                    min(minPrice, other.minPrice), max(maxPrice, other.maxPrice));
        }

        private static Long min(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
        }

        private static Long max(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
        }
    }

    private record PriceUnits(BigDecimal units, int lines) {
        PriceUnits plus(PriceUnits other) {
            return new PriceUnits(units.add(other.units), lines + other.lines);
        }
    }

    private void insertSale(Connection connection, Sale sale, LocalDate day) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO recommend_sale (sale_id, store_id, business_day, stored_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, sale.saleId());
            insert.setString(2, sale.storeId());
            insert.setDate(3, Date.valueOf(day));
            insert.setObject(4, OffsetDateTime.now(clock));
            insert.executeUpdate();
        }
    }

    private static void mergeWeekly(Connection connection, Sale sale, LocalDate day, Rollup rollup)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO recommend_weekly_product t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS CHAR(8)), CAST(? AS CHAR(14)),
                               CAST(? AS CHAR(3)), CAST(? AS DECIMAL(18,3)), CAST(? AS BIGINT), CAST(? AS INT),
                               CAST(? AS BIGINT), CAST(? AS BIGINT)))
                  AS s (store_id, week_start, iso_week, gtin, currency, units, revenue_minor, line_count,
                        min_unit_price, max_unit_price)
                ON t.store_id = s.store_id AND t.week_start = s.week_start AND t.gtin = s.gtin
                   AND t.currency = s.currency
                WHEN MATCHED THEN UPDATE SET units = t.units + s.units,
                   revenue_minor = t.revenue_minor + s.revenue_minor, line_count = t.line_count + s.line_count,
                   min_unit_price = LEAST(COALESCE(t.min_unit_price, s.min_unit_price),
                                          COALESCE(s.min_unit_price, t.min_unit_price)),
                   max_unit_price = GREATEST(COALESCE(t.max_unit_price, s.max_unit_price),
                                             COALESCE(s.max_unit_price, t.max_unit_price))
                WHEN NOT MATCHED THEN INSERT (store_id, week_start, iso_week, gtin, currency, units, revenue_minor,
                   line_count, min_unit_price, max_unit_price)
                   VALUES (s.store_id, s.week_start, s.iso_week, s.gtin, s.currency, s.units, s.revenue_minor,
                           s.line_count, s.min_unit_price, s.max_unit_price)""")) {
            for (Map.Entry<String, Product> entry : rollup.products().entrySet()) {
                Product product = entry.getValue();
                merge.setString(1, sale.storeId());
                merge.setDate(2, Date.valueOf(weekStart(day)));
                merge.setString(3, isoWeek(day));
                merge.setString(4, entry.getKey());
                merge.setString(5, sale.currency());
                merge.setBigDecimal(6, product.units());
                merge.setLong(7, product.revenue());
                merge.setInt(8, product.lines());
                merge.setObject(9, product.minPrice(), java.sql.Types.BIGINT);
                merge.setObject(10, product.maxPrice(), java.sql.Types.BIGINT);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private static void mergePrices(Connection connection, Sale sale, LocalDate day, Rollup rollup)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO recommend_price_point t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS CHAR(14)),
                               CAST(? AS CHAR(3)), CAST(? AS BIGINT), CAST(? AS DECIMAL(18,3)), CAST(? AS INT)))
                  AS s (store_id, business_day, week_start, gtin, currency, unit_price, units, line_count)
                ON t.store_id = s.store_id AND t.business_day = s.business_day AND t.gtin = s.gtin
                   AND t.currency = s.currency AND t.unit_price = s.unit_price
                WHEN MATCHED THEN UPDATE SET units = t.units + s.units, line_count = t.line_count + s.line_count
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, week_start, gtin, currency, unit_price, units,
                   line_count)
                   VALUES (s.store_id, s.business_day, s.week_start, s.gtin, s.currency, s.unit_price, s.units,
                           s.line_count)""")) {
            for (Map.Entry<String, Map<Long, PriceUnits>> product : rollup.prices().entrySet()) {
                for (Map.Entry<Long, PriceUnits> price : product.getValue().entrySet()) {
                    merge.setString(1, sale.storeId());
                    merge.setDate(2, Date.valueOf(day));
                    merge.setDate(3, Date.valueOf(weekStart(day)));
                    merge.setString(4, product.getKey());
                    merge.setString(5, sale.currency());
                    merge.setLong(6, price.getKey());
                    merge.setBigDecimal(7, price.getValue().units());
                    merge.setInt(8, price.getValue().lines());
                    merge.addBatch();
                }
            }
            merge.executeBatch();
        }
    }

    /** The name of the latest sale wins, by the till's time, whatever order the sales arrive in. */
    private static void mergeNames(Connection connection, Sale sale, Rollup rollup) throws SQLException {
        if (rollup.names().isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO recommend_product t
                USING (VALUES (CAST(? AS CHAR(14)), CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (gtin, name, seen_at)
                ON t.gtin = s.gtin
                WHEN MATCHED AND s.seen_at >= t.seen_at THEN UPDATE SET name = s.name, seen_at = s.seen_at
                WHEN NOT MATCHED THEN INSERT (gtin, name, seen_at) VALUES (s.gtin, s.name, s.seen_at)""")) {
            for (Map.Entry<String, String> entry : rollup.names().entrySet()) {
                merge.setString(1, entry.getKey());
                String name = entry.getValue();
                merge.setString(2, name.length() > 200 ? name.substring(0, 200) : name);
                merge.setObject(3, sale.occurredAt());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    public boolean contains(String saleId) {
        try (Connection connection = dataSource.getConnection()) {
            return contains(connection, saleId);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static boolean contains(Connection connection, String saleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM recommend_sale WHERE sale_id = ?")) {
            query.setString(1, saleId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** One row of the weekly rollup, for inspection. */
    public record WeeklyRow(String storeId, LocalDate weekStart, String isoWeek, String gtin, String currency,
            BigDecimal units, long revenue, int lines, Long minUnitPrice, Long maxUnitPrice) {
    }

    public List<WeeklyRow> weeklyRows(String store) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT store_id, week_start, iso_week, gtin, currency, units, revenue_minor, line_count,
                            min_unit_price, max_unit_price
                     FROM recommend_weekly_product WHERE store_id = ? ORDER BY week_start, gtin, currency""")) {
            query.setString(1, store);
            List<WeeklyRow> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(new WeeklyRow(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBigDecimal(6).stripTrailingZeros(),
                            rows.getLong(7), rows.getInt(8), rows.getObject(9, Long.class),
                            rows.getObject(10, Long.class)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Map<String, Map<String, BigDecimal>> units(Collection<String> stores, LocalDate fromWeek,
                                                      LocalDate toWeek) {
        Map<String, Map<String, BigDecimal>> result = new HashMap<>();
        for (List<String> chunk : chunks(stores)) {
            String sql = "SELECT store_id, gtin, SUM(units) FROM recommend_weekly_product WHERE week_start BETWEEN ? AND ?"
                    + " AND store_id IN (" + placeholders(chunk.size()) + ") GROUP BY store_id, gtin";
            query(sql, statement -> {
                statement.setDate(1, Date.valueOf(fromWeek));
                statement.setDate(2, Date.valueOf(toWeek));
                bind(statement, 3, chunk);
            }, rows -> result.computeIfAbsent(rows.getString(1), s -> new HashMap<>())
                    .put(rows.getString(2), rows.getBigDecimal(3)));
        }
        return result;
    }

    @Override
    public Map<String, Integer> activeWeeks(Collection<String> stores, LocalDate fromWeek, LocalDate toWeek) {
        Map<String, Integer> result = new HashMap<>();
        for (List<String> chunk : chunks(stores)) {
            String sql = "SELECT store_id, COUNT(DISTINCT week_start) FROM recommend_weekly_product"
                    + " WHERE week_start BETWEEN ? AND ? AND store_id IN (" + placeholders(chunk.size())
                    + ") GROUP BY store_id";
            query(sql, statement -> {
                statement.setDate(1, Date.valueOf(fromWeek));
                statement.setDate(2, Date.valueOf(toWeek));
                bind(statement, 3, chunk);
            }, rows -> result.put(rows.getString(1), rows.getInt(2)));
        }
        return result;
    }

    @Override
    public List<WeeklyPrice> prices(Collection<String> stores, Optional<String> gtin, LocalDate from, LocalDate to) {
        List<WeeklyPrice> result = new ArrayList<>();
        for (List<String> chunk : chunks(stores)) {
            String sql = "SELECT store_id, week_start, gtin, currency, unit_price, SUM(units)"
                    + " FROM recommend_price_point WHERE business_day BETWEEN ? AND ?"
                    + " AND store_id IN (" + placeholders(chunk.size()) + ")"
                    + (gtin.isPresent() ? " AND gtin = ?" : "")
                    + " GROUP BY store_id, week_start, gtin, currency, unit_price HAVING SUM(units) > 0";
            query(sql, statement -> {
                statement.setDate(1, Date.valueOf(from));
                statement.setDate(2, Date.valueOf(to));
                int next = bind(statement, 3, chunk);
                if (gtin.isPresent()) {
                    statement.setString(next, gtin.get());
                }
            }, rows -> result.add(new WeeklyPrice(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getString(3),
                    rows.getString(4), rows.getLong(5), rows.getBigDecimal(6))));
        }
        return result;
    }

    @Override
    public Map<String, ShelfPrice> latestPrices(String store, Optional<String> gtin, LocalDate since) {
        Map<String, ShelfPrice> result = new LinkedHashMap<>();
        String sql = "SELECT gtin, currency, unit_price, business_day FROM recommend_price_point"
                + " WHERE store_id = ? AND business_day >= ? AND units > 0" + (gtin.isPresent() ? " AND gtin = ?" : "")
                + " ORDER BY gtin, business_day DESC, units DESC, unit_price";
        query(sql, statement -> {
            statement.setString(1, store);
            statement.setDate(2, Date.valueOf(since));
            if (gtin.isPresent()) {
                statement.setString(3, gtin.get());
            }
        }, rows -> result.putIfAbsent(rows.getString(1), new ShelfPrice(rows.getString(1), rows.getString(2),
                rows.getLong(3), rows.getDate(4).toLocalDate())));
        return result;
    }

    @Override
    public Map<String, String> names(Collection<String> gtins) {
        Map<String, String> result = new HashMap<>();
        for (List<String> chunk : chunks(gtins)) {
            query("SELECT gtin, name FROM recommend_product WHERE gtin IN (" + placeholders(chunk.size()) + ")",
                    statement -> bind(statement, 1, chunk), rows -> result.put(rows.getString(1), rows.getString(2)));
        }
        return result;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static int bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        int index = first;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return chunks;
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("recommend history query failed: " + e.getMessage(), e);
    }
}
