package org.storelink.payments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.storelink.model.AgeBand;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentStatus;

/**
 * The payments module's tables through JDBC; the same SQL runs on H2 and PostgreSQL. Writes read first and insert
 * only what is missing, in one transaction that is retried when a concurrent writer inserted the same key first
 * (PostgreSQL aborts a transaction at its first failed statement, so "insert and ignore the error" would not do).
 */
final class PaymentStore {
    /** SQLSTATE of a unique constraint violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 3;
    private static final long PURGE_EVERY_MILLIS = 60_000;

    private static final String PAYMENT_COLUMNS = "payment_id, provider, store_id, out_trade_no, trade_no, status,"
            + " amount, refunded, currency, occurred_at, payer_ref, age_band";

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    /** What the platform already knows of a trade, to hold later notifications to it. */
    record KnownTrade(String paymentId, String storeId, String tradeNo, String outTradeNo, long amount,
                      String currency, long refunded, OffsetDateTime occurredAt, String payerRef, String ageBand) {
    }

    PaymentStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    boolean processed(String eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM payments_notification WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payments_notification: " + e.getMessage(), e);
        }
    }

    /**
     * Earlier payments of the same trade: the same provider trade number, or the same merchant order number at
     * the same merchant.
     */
    List<KnownTrade> known(PaymentProvider provider, String tradeNo, String merchantId, String outTradeNo) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT payment_id, store_id, trade_no, out_trade_no, amount, currency, refunded, occurred_at,
                         payer_ref, age_band
                     FROM payments_payment
                     WHERE payment_id = ? OR (provider = ? AND merchant_id = ? AND out_trade_no = ?)
                     ORDER BY payment_id""")) {
            select.setString(1, Payment.idOf(provider, tradeNo));
            select.setString(2, provider.label());
            select.setString(3, merchantId);
            select.setString(4, outTradeNo);
            List<KnownTrade> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new KnownTrade(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getString(6), rows.getLong(7),
                            rows.getObject(8, OffsetDateTime.class), rows.getString(9), rows.getString(10)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payments_payment: " + e.getMessage(), e);
        }
    }

    /** The sum of the payment's recorded refunds other than {@code refundId}. */
    long refundedExcept(String paymentId, String refundId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COALESCE(SUM(amount), 0) FROM payments_refund WHERE payment_id = ? AND refund_id <> ?")) {
            select.setString(1, paymentId);
            select.setString(2, refundId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payments_refund: " + e.getMessage(), e);
        }
    }

    /**
     * Remembers a WeChat Pay nonce; false if it was seen already. Nonces signed before {@code forgetBefore} can
     * no longer pass the timestamp check, so they are purged (at most once a minute).
     */
    boolean rememberNonce(String nonce, Instant signedAt, Instant forgetBefore) {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            purgeNonces(forgetBefore);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO payments_wechat_nonce (nonce, signed_at) VALUES (?, ?)")) {
            insert.setString(1, nonce);
            insert.setObject(2, signedAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("could not write payments_wechat_nonce: " + e.getMessage(), e);
        }
    }

    int purgeNonces(Instant forgetBefore) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM payments_wechat_nonce WHERE signed_at < ?")) {
            delete.setObject(1, forgetBefore.atOffset(ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge payments_wechat_nonce: " + e.getMessage(), e);
        }
    }

    /**
     * Records a published notification once, with its refund, and makes its payment state the latest unless a
     * later state is already stored (notifications can arrive out of order).
     *
     * @return false if the notification was recorded already
     */
    boolean record(Verdict.Publish published) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    boolean recorded = record(connection, published);
                    connection.commit();
                    return recorded;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    last = e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record " + published.event().eventId() + ": "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("could not record " + published.event().eventId()
                + " after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    private boolean record(Connection connection, Verdict.Publish published) throws SQLException {
        Payment payment = published.event().payment();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM payments_notification WHERE event_id = ?")) {
            select.setString(1, published.event().eventId());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments_notification (event_id, payment_id, processed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, published.event().eventId());
            insert.setString(2, payment.paymentId());
            insert.setObject(3, now);
            insert.executeUpdate();
        }
        if (published.refund() != null) {
            recordRefund(connection, payment.paymentId(), published.refund());
        }
        Optional<Stored> stored = lockPayment(connection, payment.paymentId());
        if (stored.isEmpty()) {
            insertPayment(connection, published, now);
        } else if (supersedes(payment, stored.get())) {
            updatePayment(connection, published, now);
        }
        return true;
    }

    private record Stored(PaymentStatus status, long refunded) {
    }

    /** Whether a new state is at least as far along as the stored one: paid, refunded, then final. */
    private static boolean supersedes(Payment payment, Stored stored) {
        int rank = rank(payment.status());
        int storedRank = rank(stored.status());
        return rank > storedRank || (rank == storedRank && payment.refunded() >= stored.refunded());
    }

    private static int rank(PaymentStatus status) {
        return switch (status) {
            case PAID -> 0;
            case REFUNDED -> 1;
            case FINISHED, CLOSED -> 2;
        };
    }

    private static void recordRefund(Connection connection, String paymentId, Verdict.Refund refund)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM payments_refund WHERE payment_id = ? AND refund_id = ?")) {
            select.setString(1, paymentId);
            select.setString(2, refund.refundId());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments_refund (payment_id, refund_id, amount) VALUES (?, ?, ?)")) {
            insert.setString(1, paymentId);
            insert.setString(2, refund.refundId());
            insert.setLong(3, refund.amount());
            insert.executeUpdate();
        }
    }

    private static Optional<Stored> lockPayment(Connection connection, String paymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, refunded FROM payments_payment WHERE payment_id = ? FOR UPDATE")) {
            select.setString(1, paymentId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Stored(PaymentStatus.parse(rows.getString(1)), rows.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    private static void insertPayment(Connection connection, Verdict.Publish published, OffsetDateTime now)
            throws SQLException {
        Payment payment = published.event().payment();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments_payment ("
                + PAYMENT_COLUMNS + ", merchant_id, last_event_id, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, payment.paymentId());
            insert.setString(2, payment.provider().label());
            insert.setString(3, payment.storeId());
            insert.setString(4, payment.merchantOrderNo());
            insert.setString(5, payment.providerTradeNo());
            insert.setString(6, payment.status().label());
            insert.setLong(7, payment.amount());
            insert.setLong(8, payment.refunded());
            insert.setString(9, payment.currency());
            insert.setObject(10, payment.occurredAt());
            insert.setString(11, payment.payerRef());
            insert.setString(12, payment.ageBand() == null ? null : payment.ageBand().label());
            insert.setString(13, published.merchantId());
            insert.setString(14, published.event().eventId());
            insert.setObject(15, now);
            insert.executeUpdate();
        }
    }

    private static void updatePayment(Connection connection, Verdict.Publish published, OffsetDateTime now)
            throws SQLException {
        Payment payment = published.event().payment();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE payments_payment SET status = ?, amount = ?, refunded = ?, currency = ?, occurred_at = ?,
                    out_trade_no = COALESCE(?, out_trade_no), payer_ref = COALESCE(?, payer_ref),
                    age_band = COALESCE(?, age_band), last_event_id = ?, updated_at = ?
                WHERE payment_id = ?""")) {
            update.setString(1, payment.status().label());
            update.setLong(2, payment.amount());
            update.setLong(3, payment.refunded());
            update.setString(4, payment.currency());
            update.setObject(5, payment.occurredAt());
            update.setString(6, payment.merchantOrderNo());
            update.setString(7, payment.payerRef());
            update.setString(8, payment.ageBand() == null ? null : payment.ageBand().label());
            update.setString(9, published.event().eventId());
            update.setObject(10, now);
            update.setString(11, payment.paymentId());
            update.executeUpdate();
        }
    }

    /** Payments whose time falls in {@code [from, to)}, oldest first. */
    List<Payment> payments(String storeId, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + PAYMENT_COLUMNS
                     + " FROM payments_payment WHERE store_id = ? AND occurred_at >= ? AND occurred_at < ?"
                     + " ORDER BY occurred_at, payment_id")) {
            select.setString(1, storeId);
            select.setObject(2, from.atOffset(ZoneOffset.UTC));
            select.setObject(3, to.atOffset(ZoneOffset.UTC));
            List<Payment> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(payment(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payments_payment: " + e.getMessage(), e);
        }
    }

    Optional<Payment> payment(String paymentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + PAYMENT_COLUMNS
                     + " FROM payments_payment WHERE payment_id = ?")) {
            select.setString(1, paymentId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(payment(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payments_payment: " + e.getMessage(), e);
        }
    }

    private static Payment payment(ResultSet rows) throws SQLException {
        String ageBand = rows.getString(12);
        return new Payment(rows.getString(1), PaymentProvider.parse(rows.getString(2)), rows.getString(3),
                rows.getString(4), rows.getString(5), PaymentStatus.parse(rows.getString(6)), rows.getLong(7),
                rows.getLong(8), rows.getString(9), rows.getObject(10, OffsetDateTime.class), rows.getString(11),
                ageBand == null ? null : AgeBand.parse(ageBand));
    }
}
