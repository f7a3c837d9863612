package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.wholesale.LineStatus;
import org.storelink.wholesale.OrderStatus;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.StoreOrderLine;

/**
 * The wholesale tables, through plain JDBC. Every write that must be all-or-nothing runs in one transaction; a
 * sale is counted once because its id is a primary key.
 */
final class JdbcWholesale {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    JdbcWholesale(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("wholesale database: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("wholesale database: " + e.getMessage(), e);
        }
    }

    // ---- sales ----

    /** Counts a sale's units once; false when the sale was counted before. */
    boolean recordSale(String saleId, String storeId, OffsetDateTime occurredAt, LocalDate businessDay,
                       Map<Gtin, BigDecimal> units, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO wholesale_sale (sale_id, store_id, counted_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, saleId);
                    insert.setString(2, storeId);
                    insert.setObject(3, utc(now));
                    insert.executeUpdate();
                }
                for (Map.Entry<Gtin, BigDecimal> entry : units.entrySet()) {
                    try (PreparedStatement line = connection.prepareStatement("INSERT INTO wholesale_sale_units"
                            + " (sale_id, gtin, store_id, occurred_at, units) VALUES (?, ?, ?, ?, ?)")) {
                        line.setString(1, saleId);
                        line.setString(2, entry.getKey().value());
                        line.setString(3, storeId);
                        line.setObject(4, occurredAt);
                        line.setBigDecimal(5, entry.getValue());
                        line.executeUpdate();
                    }
                    addDailyUnits(connection, storeId, businessDay, entry.getKey(), entry.getValue());
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && saleCounted(connection, saleId)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("wholesale database: " + e.getMessage(), e);
        }
    }

    private static boolean saleCounted(Connection connection, String saleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM wholesale_sale WHERE sale_id = ?")) {
            query.setString(1, saleId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Adds to the day's units: update, else insert. Two consumers inserting the same new row at once make one fail
     * with a unique violation; the transaction is rolled back and the message redelivered, and the update then
     * finds the row.
     */
    private static void addDailyUnits(Connection connection, String storeId, LocalDate day, Gtin gtin,
                                      BigDecimal units) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_daily_units SET units = units"
                + " + ? WHERE store_id = ? AND business_day = ? AND gtin = ?")) {
            update.setBigDecimal(1, units);
            update.setString(2, storeId);
            update.setObject(3, day);
            update.setString(4, gtin.value());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_daily_units (store_id,"
                + " business_day, gtin, units) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, storeId);
            insert.setObject(2, day);
            insert.setString(3, gtin.value());
            insert.setBigDecimal(4, units);
            insert.executeUpdate();
        }
    }

    /** Units per product and business day from {@code from} to {@code to}, both included. */
    Map<Gtin, Map<LocalDate, BigDecimal>> dailyUnits(String storeId, LocalDate from, LocalDate to) {
        return read(connection -> {
            Map<Gtin, Map<LocalDate, BigDecimal>> units = new TreeMap<>(java.util.Comparator.comparing(Gtin::value));
            try (PreparedStatement query = connection.prepareStatement("SELECT gtin, business_day, units FROM"
                    + " wholesale_daily_units WHERE store_id = ? AND business_day BETWEEN ? AND ?")) {
                query.setString(1, storeId);
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        units.computeIfAbsent(new Gtin(result.getString(1).strip()), gtin -> new HashMap<>())
                                .put(result.getObject(2, LocalDate.class), result.getBigDecimal(3));
                    }
                }
            }
            return units;
        });
    }

    Optional<LocalDate> firstSaleDay(String storeId) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MIN(business_day) FROM wholesale_daily_units WHERE store_id = ?")) {
                query.setString(1, storeId);
                try (ResultSet result = query.executeQuery()) {
                    return result.next() ? Optional.ofNullable(result.getObject(1, LocalDate.class))
                            : Optional.empty();
                }
            }
        });
    }

    // ---- stock ----

    record Count(Instant countedAt, BigDecimal quantity) {
    }

    void recordStockCount(String storeId, OffsetDateTime countedAt, List<Quantity> lines) {
        inTransaction(connection -> {
            for (Quantity line : lines) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM wholesale_stock_count"
                        + " WHERE store_id = ? AND gtin = ? AND counted_at = ?");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_stock_count"
                             + " (store_id, gtin, counted_at, quantity) VALUES (?, ?, ?, ?)")) {
                    delete.setString(1, storeId);
                    delete.setString(2, line.gtin().value());
                    delete.setObject(3, countedAt);
                    delete.executeUpdate();
                    insert.setString(1, storeId);
                    insert.setString(2, line.gtin().value());
                    insert.setObject(3, countedAt);
                    insert.setBigDecimal(4, line.quantity());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The newest count of each product of the store. */
    Map<Gtin, Count> lastCounts(String storeId) {
        return read(connection -> {
            Map<Gtin, Count> counts = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT c.gtin, c.counted_at, c.quantity FROM"
                    + " wholesale_stock_count c WHERE c.store_id = ? AND c.counted_at = (SELECT MAX(l.counted_at)"
                    + " FROM wholesale_stock_count l WHERE l.store_id = c.store_id AND l.gtin = c.gtin)")) {
                query.setString(1, storeId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        counts.put(new Gtin(result.getString(1).strip()), new Count(
                                result.getObject(2, OffsetDateTime.class).toInstant(), result.getBigDecimal(3)));
                    }
                }
            }
            return counts;
        });
    }

    /** Units sold of the product after {@code since} (all sales when null). */
    BigDecimal unitsSoldSince(String storeId, Gtin gtin, Instant since) {
        return sum("SELECT SUM(units) FROM wholesale_sale_units WHERE store_id = ? AND gtin = ?"
                + (since == null ? "" : " AND occurred_at > ?"), storeId, gtin, since);
    }

    /** Units received of the product after {@code since} (all deliveries when null). */
    BigDecimal unitsReceivedSince(String storeId, Gtin gtin, Instant since) {
        return sum("SELECT SUM(quantity) FROM wholesale_delivery WHERE store_id = ? AND gtin = ?"
                + (since == null ? "" : " AND received_at > ?"), storeId, gtin, since);
    }

    private BigDecimal sum(String sql, String storeId, Gtin gtin, Instant since) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, storeId);
                query.setString(2, gtin.value());
                if (since != null) {
                    query.setObject(3, utc(since));
                }
                try (ResultSet result = query.executeQuery()) {
                    BigDecimal sum = result.next() ? result.getBigDecimal(1) : null;
                    return sum == null ? BigDecimal.ZERO : sum;
                }
            }
        });
    }

    /**
     * Units ordered on the platform and not yet received, per product: ordered quantities of confirmed and
     * submitted orders, allocated quantities of answered ones.
     */
    Map<Gtin, Long> onOrder(String storeId) {
        return read(connection -> {
            Map<Gtin, Long> open = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT l.gtin, SUM(CASE WHEN o.status = ?"
                    + " THEN COALESCE(l.allocated_quantity, 0) ELSE l.quantity END) FROM wholesale_store_order o"
                    + " JOIN wholesale_store_order_line l ON l.order_id = o.order_id WHERE o.store_id = ? AND"
                    + " o.status IN (?, ?, ?) GROUP BY l.gtin")) {
                query.setString(1, OrderStatus.ANSWERED.name());
                query.setString(2, storeId);
                query.setString(3, OrderStatus.CONFIRMED.name());
                query.setString(4, OrderStatus.SUBMITTED.name());
                query.setString(5, OrderStatus.ANSWERED.name());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        open.put(new Gtin(result.getString(1).strip()), result.getLong(2));
                    }
                }
            }
            return open;
        });
    }

    /** Records a delivery; with an order of this store, marks it received. False when that order is unknown. */
    boolean recordDelivery(String deliveryId, String storeId, OffsetDateTime receivedAt, String orderId,
                           List<Quantity> lines) {
        return inTransaction(connection -> {
            if (orderId != null) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_store_order SET"
                        + " status = ? WHERE order_id = ? AND store_id = ?")) {
                    update.setString(1, OrderStatus.RECEIVED.name());
                    update.setString(2, orderId);
                    update.setString(3, storeId);
                    if (update.executeUpdate() == 0) {
                        connection.rollback();
                        return false;
                    }
                }
            }
            for (Quantity line : lines) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_delivery"
                        + " (delivery_id, store_id, gtin, received_at, quantity, order_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, deliveryId);
                    insert.setString(2, storeId);
                    insert.setString(3, line.gtin().value());
                    insert.setObject(4, receivedAt);
                    insert.setBigDecimal(5, line.quantity());
                    insert.setString(6, orderId);
                    insert.executeUpdate();
                }
            }
            return true;
        });
    }

    // ---- store orders ----

    void insertOrder(StoreOrder order) {
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_store_order (order_id,"
                    + " store_id, status, confirmed_at, zone_id, order_month) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, order.orderId());
                insert.setString(2, order.storeId());
                insert.setString(3, order.status().name());
                insert.setObject(4, order.confirmedAt().toOffsetDateTime());
                insert.setString(5, order.confirmedAt().getZone().getId());
                insert.setString(6, YearMonth.from(order.confirmedAt()).toString());
                insert.executeUpdate();
            }
            for (StoreOrderLine line : order.lines()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_store_order_line"
                        + " (order_id, gtin, name, supplier_id, pack_size, quantity, unit_price_minor, currency,"
                        + " line_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, order.orderId());
                    insert.setString(2, line.gtin().value());
                    insert.setString(3, line.name());
                    insert.setString(4, line.supplierId());
                    insert.setInt(5, line.packSize());
                    insert.setLong(6, line.quantity());
                    insert.setLong(7, line.unitPrice().minor());
                    insert.setString(8, line.unitPrice().currency());
                    insert.setString(9, line.status().name());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The store's orders, newest first. */
    List<StoreOrder> orders(String storeId, int limit) {
        return read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT order_id FROM wholesale_store_order"
                    + " WHERE store_id = ? ORDER BY confirmed_at DESC, order_id DESC")) {
                query.setString(1, storeId);
                query.setMaxRows(limit);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getString(1));
                    }
                }
            }
            List<StoreOrder> orders = new ArrayList<>();
            for (String id : ids) {
                order(connection, id).ifPresent(orders::add);
            }
            return orders;
        });
    }

    Optional<StoreOrder> order(String orderId) {
        return read(connection -> order(connection, orderId));
    }

    private static Optional<StoreOrder> order(Connection connection, String orderId) throws SQLException {
        String storeId;
        OrderStatus status;
        OffsetDateTime confirmedAt;
        ZoneId zone;
        try (PreparedStatement query = connection.prepareStatement("SELECT store_id, status, confirmed_at, zone_id"
                + " FROM wholesale_store_order WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                storeId = result.getString(1);
                status = OrderStatus.valueOf(result.getString(2));
                confirmedAt = result.getObject(3, OffsetDateTime.class);
                zone = ZoneId.of(result.getString(4));
            }
        }
        List<StoreOrderLine> lines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT gtin, name, supplier_id, pack_size,"
                + " quantity, allocated_quantity, unit_price_minor, currency, line_status, delivery_date, po_id FROM"
                + " wholesale_store_order_line WHERE order_id = ? ORDER BY gtin")) {
            query.setString(1, orderId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long allocated = result.getLong(6);
                    Long allocatedQuantity = result.wasNull() ? null : allocated;
                    lines.add(new StoreOrderLine(new Gtin(result.getString(1).strip()), result.getString(2),
                            result.getString(3), result.getInt(4), result.getLong(5), allocatedQuantity,
                            new Money(result.getLong(7), result.getString(8).strip()),
                            LineStatus.valueOf(result.getString(9)), result.getObject(10, LocalDate.class),
                            result.getString(11)));
                }
            }
        }
        return Optional.of(new StoreOrder(orderId, storeId, status, confirmedAt.atZoneSameInstant(zone), lines));
    }

    // ---- cut-off ----

    /** A confirmed store order line waiting for the cut-off. */
    record OpenLine(String orderId, String storeId, Gtin gtin, String name, String supplierId, int packSize,
                    long quantity, long unitPriceMinor, String currency) {
    }

    List<OpenLine> confirmedLines() {
        return read(connection -> {
            List<OpenLine> lines = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT o.order_id, o.store_id, l.gtin, l.name,"
                    + " l.supplier_id, l.pack_size, l.quantity, l.unit_price_minor, l.currency FROM"
                    + " wholesale_store_order o JOIN wholesale_store_order_line l ON l.order_id = o.order_id WHERE"
                    + " o.status = ? ORDER BY o.confirmed_at, o.order_id, l.gtin")) {
                query.setString(1, OrderStatus.CONFIRMED.name());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        lines.add(new OpenLine(result.getString(1), result.getString(2),
                                new Gtin(result.getString(3).strip()), result.getString(4), result.getString(5),
                                result.getInt(6), result.getLong(7), result.getLong(8), result.getString(9).strip()));
                    }
                }
            }
            return lines;
        });
    }

    /** Which store order line went into which purchase order line. */
    record Assignment(String orderId, Gtin gtin, int lineNo) {
    }

    /**
     * Stores new purchase orders and moves their store orders to submitted, in one transaction. Fails (and stores
     * nothing) when one of the store orders is no longer confirmed: another cut-off took it.
     */
    void createPurchaseOrders(Map<PurchaseOrder, List<Assignment>> purchaseOrders) {
        inTransaction(connection -> {
            java.util.Set<String> orderIds = new java.util.LinkedHashSet<>();
            for (Map.Entry<PurchaseOrder, List<Assignment>> entry : purchaseOrders.entrySet()) {
                PurchaseOrder po = entry.getKey();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_po (po_id,"
                        + " supplier_id, region_id, currency, format, issued_at, status, send_attempts) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, 0)")) {
                    insert.setString(1, po.poId());
                    insert.setString(2, po.supplierId());
                    insert.setString(3, po.regionId());
                    insert.setString(4, po.currency());
                    insert.setString(5, po.format().code());
                    insert.setObject(6, po.issuedAt());
                    insert.setString(7, po.status());
                    insert.executeUpdate();
                }
                for (PurchaseOrder.Line line : po.lines()) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_po_line (po_id,"
                            + " line_no, gtin, name, pack_size, quantity, unit_price_minor, line_status) VALUES"
                            + " (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, po.poId());
                        insert.setInt(2, line.lineNo());
                        insert.setString(3, line.gtin().value());
                        insert.setString(4, line.name());
                        insert.setInt(5, line.packSize());
                        insert.setLong(6, line.quantity());
                        insert.setLong(7, line.unitPriceMinor());
                        insert.setString(8, LineStatus.OPEN.name());
                        insert.executeUpdate();
                    }
                }
                for (Assignment assignment : entry.getValue()) {
                    long price = po.line(assignment.lineNo()).orElseThrow().unitPriceMinor();
                    try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_store_order_line"
                            + " SET po_id = ?, po_line_no = ?, unit_price_minor = ? WHERE order_id = ? AND gtin = ?")) {
                        update.setString(1, po.poId());
                        update.setInt(2, assignment.lineNo());
                        update.setLong(3, price);
                        update.setString(4, assignment.orderId());
                        update.setString(5, assignment.gtin().value());
                        update.executeUpdate();
                    }
                    orderIds.add(assignment.orderId());
                }
            }
            for (String orderId : orderIds) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_store_order SET status"
                        + " = ? WHERE order_id = ? AND status = ?")) {
                    update.setString(1, OrderStatus.SUBMITTED.name());
                    update.setString(2, orderId);
                    update.setString(3, OrderStatus.CONFIRMED.name());
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("store order " + orderId + " is no longer confirmed: another cut-off"
                                + " took it");
                    }
                }
            }
            return null;
        });
    }

    List<PurchaseOrder> purchaseOrders(String status) {
        return read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT po_id FROM wholesale_po WHERE status = ? ORDER BY issued_at, supplier_id, region_id, po_id")) {
                query.setString(1, status);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getString(1));
                    }
                }
            }
            List<PurchaseOrder> orders = new ArrayList<>();
            for (String id : ids) {
                purchaseOrder(connection, id).ifPresent(orders::add);
            }
            return orders;
        });
    }

    Optional<PurchaseOrder> purchaseOrder(String poId) {
        return read(connection -> purchaseOrder(connection, poId));
    }

    private static Optional<PurchaseOrder> purchaseOrder(Connection connection, String poId) throws SQLException {
        PurchaseOrder header;
        try (PreparedStatement query = connection.prepareStatement("SELECT supplier_id, region_id, currency, format,"
                + " issued_at, status, send_attempts, last_problem FROM wholesale_po WHERE po_id = ?")) {
            query.setString(1, poId);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                header = new PurchaseOrder(poId, result.getString(1), result.getString(2),
                        result.getString(3).strip(), DocumentFormat.of(result.getString(4)),
                        result.getObject(5, OffsetDateTime.class), result.getString(6), result.getInt(7),
                        result.getString(8), List.of());
            }
        }
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT line_no, gtin, name, pack_size, quantity,"
                + " unit_price_minor, line_status, confirmed_quantity, confirmed_price_minor, delivery_date FROM"
                + " wholesale_po_line WHERE po_id = ? ORDER BY line_no")) {
            query.setString(1, poId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long confirmed = result.getLong(8);
                    Long confirmedQuantity = result.wasNull() ? null : confirmed;
                    long price = result.getLong(9);
                    Long confirmedPrice = result.wasNull() ? null : price;
                    lines.add(new PurchaseOrder.Line(result.getInt(1), new Gtin(result.getString(2).strip()),
                            result.getString(3), result.getInt(4), result.getLong(5), result.getLong(6),
                            LineStatus.valueOf(result.getString(7)), confirmedQuantity, confirmedPrice,
                            result.getObject(10, LocalDate.class)));
                }
            }
        }
        return Optional.of(new PurchaseOrder(header.poId(), header.supplierId(), header.regionId(), header.currency(),
                header.format(), header.issuedAt(), header.status(), header.sendAttempts(), header.lastProblem(),
                lines));
    }

    void markSent(String poId, Instant at) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_po SET status = ?, sent_at"
                    + " = ?, send_attempts = send_attempts + 1, last_problem = NULL WHERE po_id = ? AND status = ?")) {
                update.setString(1, PurchaseOrder.SENT);
                update.setObject(2, utc(at));
                update.setString(3, poId);
                update.setString(4, PurchaseOrder.UNSENT);
                update.executeUpdate();
            }
            return null;
        });
    }

    void markSendFailed(String poId, String problem) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_po SET send_attempts ="
                    + " send_attempts + 1, last_problem = ? WHERE po_id = ?")) {
                update.setString(1, problem.length() > 1000 ? problem.substring(0, 1000) : problem);
                update.setString(2, poId);
                update.executeUpdate();
            }
            return null;
        });
    }

    List<Allocator.Claim> claims(String poId, int lineNo) {
        return read(connection -> claims(connection, poId, lineNo));
    }

    /** Store order lines that went into a purchase order line, as allocation claims in order-id order. */
    private static List<Allocator.Claim> claims(Connection connection, String poId, int lineNo) throws SQLException {
        List<Allocator.Claim> claims = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT order_id, quantity FROM"
                + " wholesale_store_order_line WHERE po_id = ? AND po_line_no = ? ORDER BY order_id")) {
            query.setString(1, poId);
            query.setInt(2, lineNo);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    claims.add(new Allocator.Claim(result.getString(1), result.getLong(2)));
                }
            }
        }
        return claims;
    }

    /** A purchase order line's answer, and its allocation to the store orders. */
    record LineAnswer(int lineNo, LineStatus status, long confirmedQuantity, long priceMinor, LocalDate deliveryDate,
                      Map<String, Long> allocation) {
    }

    /**
     * Applies a supplier's answer in one transaction: the purchase order lines, each store order line's allocation
     * and price, and the store orders (to answered, unless received already).
     */
    void applyAnswer(String poId, String responseId, Instant at, List<LineAnswer> answers) {
        inTransaction(connection -> {
            java.util.Set<String> orderIds = new java.util.LinkedHashSet<>();
            for (LineAnswer answer : answers) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_po_line SET"
                        + " line_status = ?, confirmed_quantity = ?, confirmed_price_minor = ?, delivery_date = ?"
                        + " WHERE po_id = ? AND line_no = ?")) {
                    update.setString(1, answer.status().name());
                    update.setLong(2, answer.confirmedQuantity());
                    update.setLong(3, answer.priceMinor());
                    update.setObject(4, answer.deliveryDate(), Types.DATE);
                    update.setString(5, poId);
                    update.setInt(6, answer.lineNo());
                    update.executeUpdate();
                }
                for (Map.Entry<String, Long> share : answer.allocation().entrySet()) {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_store_order_line"
                            + " SET allocated_quantity = ?, unit_price_minor = ?, line_status = ?, delivery_date = ?"
                            + " WHERE order_id = ? AND po_id = ? AND po_line_no = ?")) {
                        update.setLong(1, share.getValue());
                        update.setLong(2, answer.priceMinor());
                        update.setString(3, answer.status().name());
                        update.setObject(4, answer.deliveryDate(), Types.DATE);
                        update.setString(5, share.getKey());
                        update.setString(6, poId);
                        update.setInt(7, answer.lineNo());
                        update.executeUpdate();
                    }
                    orderIds.add(share.getKey());
                }
            }
            for (String orderId : orderIds) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_store_order SET"
                        + " status = ? WHERE order_id = ? AND status IN (?, ?)")) {
                    update.setString(1, OrderStatus.ANSWERED.name());
                    update.setString(2, orderId);
                    update.setString(3, OrderStatus.SUBMITTED.name());
                    update.setString(4, OrderStatus.ANSWERED.name());
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE wholesale_po SET status = ?,"
                    + " response_id = ?, answered_at = ? WHERE po_id = ?")) {
                update.setString(1, PurchaseOrder.ANSWERED);
                update.setString(2, responseId);
                update.setObject(3, utc(at));
                update.setString(4, poId);
                update.executeUpdate();
            }
            return null;
        });
    }

    // ---- purchases and sourcing ----

    void insertPurchase(Purchase purchase, Instant at) {
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wholesale_purchase (purchase_id,"
                    + " store_id, business_day, purchase_month, amount_minor, currency, supplier, recorded_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, purchase.purchaseId());
                insert.setString(2, purchase.storeId());
                insert.setObject(3, purchase.day());
                insert.setString(4, YearMonth.from(purchase.day()).toString());
                insert.setLong(5, purchase.amount().minor());
                insert.setString(6, purchase.amount().currency());
                insert.setString(7, purchase.supplier());
                insert.setObject(8, utc(at));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Reported purchases of the store in the month, per currency. */
    Map<String, Long> purchases(String storeId, YearMonth month) {
        return read(connection -> {
            Map<String, Long> sums = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT currency, SUM(amount_minor) FROM"
                    + " wholesale_purchase WHERE store_id = ? AND purchase_month = ? GROUP BY currency")) {
                query.setString(1, storeId);
                query.setString(2, month.toString());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        sums.put(result.getString(1).strip(), result.getLong(2));
                    }
                }
            }
            return sums;
        });
    }

    /**
     * Value of the store's platform orders confirmed in the month (its own zone), per currency: allocated quantity
     * where the supplier answered, else ordered quantity, times the line's current unit price.
     */
    Map<String, Long> platformValue(String storeId, YearMonth month) {
        return read(connection -> {
            Map<String, Long> sums = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT l.currency,"
                    + " SUM(COALESCE(l.allocated_quantity, l.quantity) * l.unit_price_minor) FROM"
                    + " wholesale_store_order o JOIN wholesale_store_order_line l ON l.order_id = o.order_id"
                    + " WHERE o.store_id = ? AND o.order_month = ? GROUP BY l.currency")) {
                query.setString(1, storeId);
                query.setString(2, month.toString());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        sums.put(result.getString(1).strip(), result.getLong(2));
                    }
                }
            }
            return sums;
        });
    }

    // ---- catalogues received as messages ----

    void saveCatalog(String supplierId, String productsJson, Instant at) {
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM wholesale_catalog WHERE supplier_id = ?")) {
                delete.setString(1, supplierId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO wholesale_catalog (supplier_id, received_at, products) VALUES (?, ?, ?)")) {
                insert.setString(1, supplierId);
                insert.setObject(2, utc(at));
                insert.setString(3, productsJson);
                insert.executeUpdate();
            }
            return null;
        });
    }

    Map<String, String> catalogs() {
        return read(connection -> {
            Map<String, String> catalogs = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT supplier_id, products FROM wholesale_catalog")) {
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        catalogs.put(result.getString(1), result.getString(2));
                    }
                }
            }
            return catalogs;
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
