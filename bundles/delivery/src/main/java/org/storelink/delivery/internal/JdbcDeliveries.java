package org.storelink.delivery.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.storelink.delivery.DeliveryStatus;
import org.storelink.delivery.StatusChange;
import org.storelink.model.Violation;

/**
 * The module's tables through plain JDBC, on H2 and PostgreSQL alike. A delivery, its first history entry and its
 * outbox message are written in one transaction; a status change locks its delivery's row, so the checks and the
 * write see one state.
 */
final class JdbcDeliveries {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Duration clockSkew;

    /** @param clockSkew how far a fleet's time may lie before the current status's and still be taken */
    JdbcDeliveries(DataSource dataSource, Duration clockSkew) {
        this.dataSource = dataSource;
        this.clockSkew = clockSkew;
    }

    record NewDelivery(String deliveryId, String storeId, String orderRef, String fleet, String hash,
                       OffsetDateTime windowFrom, OffsetDateTime windowTo, OffsetDateTime requestedAt,
                       String requestJson) {
    }

    record Existing(String deliveryId, String fleet, String hash) {
    }

    record OutboxEntry(String deliveryId, String fleet, String address, String body, int attempts) {
    }

    record Row(String deliveryId, String storeId, String orderRef, String fleet, DeliveryStatus status,
               Instant windowFrom, Instant windowTo, Instant requestedAt, Instant statusAt, String rider,
               Instant deliveredAt, String reason, Instant sentAt, List<StatusChange> history) {
    }

    enum Applied { APPLIED, DUPLICATE }

    Optional<Existing> findOrder(String storeId, String orderRef) {
        String sql = "SELECT delivery_id, fleet_id, request_hash FROM delivery_request WHERE store_id = ? AND order_ref = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, storeId);
            statement.setString(2, orderRef);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Existing(rs.getString(1), rs.getString(2), rs.getString(3).strip()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("reading delivery orders", e);
        }
    }

    /**
     * Stores the delivery, its {@code requested} history entry and its outbox message in one transaction.
     *
     * @return false, with nothing stored, when the store already has a delivery for the orderRef
     */
    boolean insert(NewDelivery delivery, String address, byte[] message, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO delivery_request (delivery_id, store_id, order_ref, fleet_id, request_hash,
                            window_from, window_to, requested_at, status, status_at, request_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    statement.setString(1, delivery.deliveryId());
                    statement.setString(2, delivery.storeId());
                    statement.setString(3, delivery.orderRef());
                    statement.setString(4, delivery.fleet());
                    statement.setString(5, delivery.hash());
                    statement.setObject(6, utc(delivery.windowFrom().toInstant()));
                    statement.setObject(7, utc(delivery.windowTo().toInstant()));
                    statement.setObject(8, utc(delivery.requestedAt().toInstant()));
                    statement.setString(9, DeliveryStatus.REQUESTED.code());
                    statement.setObject(10, utc(delivery.requestedAt().toInstant()));
                    statement.setString(11, delivery.requestJson());
                    statement.executeUpdate();
                }
                insertChange(connection, delivery.deliveryId(), 0, DeliveryStatus.REQUESTED,
                        delivery.requestedAt(), null, null, now);
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO delivery_outbox (delivery_id, address, body, created_at, attempts)
                        VALUES (?, ?, ?, ?, 0)""")) {
                    statement.setString(1, delivery.deliveryId());
                    statement.setString(2, address);
                    statement.setString(3, new String(message, java.nio.charset.StandardCharsets.UTF_8));
                    statement.setObject(4, utc(now));
                    statement.executeUpdate();
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("storing a delivery", e);
        }
    }

    /** Outbox messages not yet sent, oldest first. */
    List<OutboxEntry> pendingOutbox(int max) {
        String sql = """
                SELECT o.delivery_id, d.fleet_id, o.address, o.body, o.attempts
                FROM delivery_outbox o JOIN delivery_request d ON d.delivery_id = o.delivery_id
                WHERE o.sent_at IS NULL ORDER BY o.created_at, o.delivery_id LIMIT ?""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, max);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw unavailable("reading the outbox", e);
        }
    }

    void markSent(String deliveryId, Instant sentAt) {
        update("UPDATE delivery_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE delivery_id = ?", utc(sentAt), deliveryId);
    }

    void markFailed(String deliveryId, String error) {
        String clipped = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 497) + "..." : error;
        update("UPDATE delivery_outbox SET attempts = attempts + 1, last_error = ? WHERE delivery_id = ?",
                clipped, deliveryId);
    }

    private void update(String sql, Object first, String deliveryId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            statement.setString(2, deliveryId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("updating the outbox", e);
        }
    }

    /**
     * Applies a fleet's status update, or refuses it with every reason. An update with the status and time of an
     * entry already in the history is a duplicate (a redelivery or a resend) and changes nothing.
     */
    Applied apply(String fleet, StatusUpdate update, Instant receivedAt) throws StatusRejectedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Applied applied = apply(connection, fleet, update, receivedAt);
                connection.commit();
                return applied;
            } catch (SQLException | StatusRejectedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("applying a status update", e);
        }
    }

    private Applied apply(Connection connection, String fleet, StatusUpdate update, Instant receivedAt)
            throws SQLException, StatusRejectedException {
        String owner;
        DeliveryStatus current;
        Instant currentAt;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT fleet_id, status, status_at FROM delivery_request WHERE delivery_id = ? FOR UPDATE")) {
            statement.setString(1, update.deliveryId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw reject(update, "deliveryId", "no delivery '" + update.deliveryId() + "' for fleet '"
                            + fleet + "'", "unknown delivery");
                }
                owner = rs.getString(1);
                current = DeliveryStatus.of(rs.getString(2));
                currentAt = instant(rs, 3);
            }
        }
        if (!owner.equals(fleet)) {
            // the fleet is not told whose it is
            throw reject(update, "deliveryId", "no delivery '" + update.deliveryId() + "' for fleet '" + fleet
                    + "'", "the delivery belongs to fleet '" + owner + "'");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM delivery_status_change"
                + " WHERE delivery_id = ? AND status = ? AND status_time = ?")) {
            statement.setString(1, update.deliveryId());
            statement.setString(2, update.status().code());
            statement.setObject(3, utc(update.at().toInstant()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return Applied.DUPLICATE;
                }
            }
        }
        if (!current.canMoveTo(update.status())) {
            throw reject(update, "status", "cannot go from " + current.code() + " to " + update.status().code()
                    + (current.isFinal() ? ": the delivery is " + current.code() + " already" : ""), null);
        }
        if (update.at().toInstant().isBefore(currentAt.minus(clockSkew))) {
            throw reject(update, "at", "is before the current status " + current.code() + " at "
                    + currentAt + "; status updates must be sent in order", null);
        }
        int seq;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM delivery_status_change WHERE delivery_id = ?")) {
            statement.setString(1, update.deliveryId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        insertChange(connection, update.deliveryId(), seq, update.status(), update.at(), update.rider(),
                update.reason(), receivedAt);
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE delivery_request SET status = ?, status_at = ?, rider = COALESCE(?, rider), delivered_at = ?,
                    reason = ?
                WHERE delivery_id = ?""")) {
            statement.setString(1, update.status().code());
            statement.setObject(2, utc(update.at().toInstant()));
            statement.setString(3, update.rider());
            statement.setObject(4, update.status() == DeliveryStatus.DELIVERED ? utc(update.at().toInstant()) : null);
            statement.setString(5, update.reason());
            statement.setString(6, update.deliveryId());
            statement.executeUpdate();
        }
        return Applied.APPLIED;
    }

    private static StatusRejectedException reject(StatusUpdate update, String field, String reason,
                                                  String internalDetail) {
        return new StatusRejectedException(update.deliveryId(), update.status().code(),
                List.of(new Violation(field, reason)), internalDetail);
    }

    private static void insertChange(Connection connection, String deliveryId, int seq, DeliveryStatus status,
                                     OffsetDateTime at, String rider, String reason, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO delivery_status_change (delivery_id, seq, status, status_time, status_time_text, rider,
                    reason, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setString(1, deliveryId);
            statement.setInt(2, seq);
            statement.setString(3, status.code());
            statement.setObject(4, utc(at.toInstant()));
            statement.setString(5, Times.format(at));
            statement.setString(6, rider);
            statement.setString(7, reason);
            statement.setObject(8, utc(receivedAt));
            statement.executeUpdate();
        }
    }

    /** The store's deliveries whose window starts in [from, to), by window start. */
    List<Row> byWindowStart(String storeId, Instant from, Instant to) {
        String where = " WHERE d.store_id = ? AND d.window_from >= ? AND d.window_from < ?";
        return rows(where, storeId, utc(from), utc(to));
    }

    Optional<Row> find(String storeId, String deliveryId) {
        return rows(" WHERE d.store_id = ? AND d.delivery_id = ?", storeId, deliveryId).stream().findFirst();
    }

    private List<Row> rows(String where, Object... parameters) {
        String select = """
                SELECT d.delivery_id, d.store_id, d.order_ref, d.fleet_id, d.status, d.window_from, d.window_to,
                    d.requested_at, d.status_at, d.rider, d.delivered_at, d.reason, o.sent_at
                FROM delivery_request d LEFT JOIN delivery_outbox o ON o.delivery_id = d.delivery_id""" + where
                + " ORDER BY d.window_from, d.delivery_id";
        String history = """
                SELECT h.delivery_id, h.status, h.status_time_text, h.rider, h.reason, h.received_at
                FROM delivery_status_change h JOIN delivery_request d ON d.delivery_id = h.delivery_id"""
                + where + " ORDER BY h.delivery_id, h.seq";
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<StatusChange>> changes = new LinkedHashMap<>();
            try (PreparedStatement statement = prepare(connection, history, parameters);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new StatusChange(
                            DeliveryStatus.of(rs.getString(2)), OffsetDateTime.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), instant(rs, 6)));
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, select, parameters);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    rows.add(new Row(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            DeliveryStatus.of(rs.getString(5)), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                            instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12), instant(rs, 13),
                            changes.getOrDefault(id, List.of())));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw unavailable("reading deliveries", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException unavailable(String what, SQLException e) {
        return new IllegalStateException("Database failure " + what + ": " + e.getMessage(), e);
    }
}
