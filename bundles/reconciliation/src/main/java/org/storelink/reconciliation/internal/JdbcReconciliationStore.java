package org.storelink.reconciliation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.storelink.model.Discrepancy;
import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.model.Sale;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.TenderType;
import org.storelink.reconciliation.ReconciliationReport;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;
import org.storelink.reconciliation.internal.SaleTenders.NonCashTender;

/**
 * Reconciliation's tables through plain JDBC, the same SQL on H2 and PostgreSQL. Every write is one database
 * transaction; natural keys make a redelivered event change nothing, and a transaction that loses a race for a new
 * row (SQLSTATE 23505) is tried again, when it finds the row.
 */
public final class JdbcReconciliationStore {
    /** SQLSTATE of a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    static final int ATTEMPTS = 3;
    /** Keeps IN lists well below any driver's parameter limit. */
    private static final int IN_CHUNK = 200;

    private final DataSource dataSource;
    private final Function<String, Optional<ZoneId>> storeZones;
    private final Clock clock;

    /** @param storeZones the time zone of a store, to place its sales and payments on its own business day */
    public JdbcReconciliationStore(DataSource dataSource, Function<String, Optional<ZoneId>> storeZones,
            Clock clock) {
        this.dataSource = dataSource;
        this.storeZones = storeZones;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (!(e instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())
                            || attempt >= ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private <T> T query(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reconciliation query failed: " + e.getMessage(), e);
        }
    }

    private ZoneId zone(String storeId) {
        return storeZones.apply(storeId).orElse(null);
    }

    // ---- events in

    /** Stores the sale's time, place and non-cash tenders once; false, changing nothing, when already stored. */
    public boolean storeSale(SaleRecorded event) throws SQLException {
        Sale sale = event.sale();
        LocalDate businessDay = event.businessDay() != null ? event.businessDay()
                : BusinessDays.of(sale.occurredAt(), zone(sale.storeId()));
        SaleTenders kept = SaleTenders.of(sale, businessDay);
        return inTransaction(connection -> {
            if (exists(connection, "SELECT 1 FROM reconciliation_sale WHERE sale_id = ?", kept.saleId())) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reconciliation_sale (sale_id, store_id, business_day, occurred_at, currency, event_id,
                      stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, kept.saleId());
                insert.setString(2, kept.storeId());
                insert.setObject(3, businessDay);
                insert.setObject(4, kept.occurredAt());
                insert.setString(5, kept.currency());
                insert.setString(6, event.eventId());
                insert.setObject(7, now());
                insert.executeUpdate();
            }
            if (!kept.tenders().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO reconciliation_tender (sale_id, seq, tender_type, amount_minor, reference)
                        VALUES (?, ?, ?, ?, ?)""")) {
                    for (NonCashTender tender : kept.tenders()) {
                        insert.setString(1, kept.saleId());
                        insert.setInt(2, tender.seq());
                        insert.setString(3, tender.type().label());
                        insert.setLong(4, tender.amount());
                        insert.setString(5, tender.reference());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            touchDay(connection, kept.storeId(), businessDay);
            return true;
        });
    }

    /**
     * Keeps the latest state of the payment: a notification replaces the stored one when it is later by the
     * payment's {@code occurredAt}, then by {@code recordedAt}. Returns whether anything changed.
     */
    public boolean storePayment(PaymentRecorded event) throws SQLException {
        Payment payment = event.payment();
        OffsetDateTime stateAt = payment.occurredAt();
        OffsetDateTime recordedAt = event.recordedAt().atOffset(ZoneOffset.UTC);
        ZoneId zone = zone(payment.storeId());
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT occurred_at, state_occurred_at, state_recorded_at, business_day FROM reconciliation_payment
                    WHERE payment_id = ? FOR UPDATE""")) {
                select.setString(1, payment.paymentId());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        insertPayment(connection, event, zone);
                        touchDay(connection, payment.storeId(), BusinessDays.of(payment.occurredAt(), zone));
                        return true;
                    }
                    OffsetDateTime firstAt = row.getObject(1, OffsetDateTime.class);
                    Instant heldAt = row.getObject(2, OffsetDateTime.class).toInstant();
                    Instant heldRecordedAt = row.getObject(3, OffsetDateTime.class).toInstant();
                    LocalDate heldDay = row.getObject(4, LocalDate.class);
                    int byTime = stateAt.toInstant().compareTo(heldAt);
                    if (byTime < 0 || byTime == 0 && !recordedAt.toInstant().isAfter(heldRecordedAt)) {
                        return false;
                    }
                    // the earliest time seen is the payment's own; a refund notice may state its own time
                    OffsetDateTime paidAt = payment.occurredAt().isBefore(firstAt) ? payment.occurredAt() : firstAt;
                    LocalDate day = BusinessDays.of(paidAt, zone);
                    updatePayment(connection, event, paidAt, day);
                    touchDay(connection, payment.storeId(), day);
                    if (!day.equals(heldDay)) {
                        touchDay(connection, payment.storeId(), heldDay);
                    }
                    return true;
                }
            }
        });
    }

    private void insertPayment(Connection connection, PaymentRecorded event, ZoneId zone) throws SQLException {
        Payment payment = event.payment();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO reconciliation_payment (payment_id, store_id, provider, merchant_order_no,
                  provider_trade_no, status, amount_minor, refunded_minor, currency, occurred_at, business_day,
                  state_occurred_at, state_recorded_at, event_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, payment.paymentId());
            insert.setString(2, payment.storeId());
            insert.setString(3, payment.provider().label());
            insert.setString(4, SaleTenders.blankToNull(payment.merchantOrderNo()));
            insert.setString(5, SaleTenders.blankToNull(payment.providerTradeNo()));
            insert.setString(6, payment.status().label());
            insert.setLong(7, payment.amount());
            insert.setLong(8, payment.refunded());
            insert.setString(9, payment.currency());
            insert.setObject(10, payment.occurredAt());
            insert.setObject(11, BusinessDays.of(payment.occurredAt(), zone));
            insert.setObject(12, payment.occurredAt());
            insert.setObject(13, event.recordedAt().atOffset(ZoneOffset.UTC));
            insert.setString(14, event.eventId());
            insert.setObject(15, now());
            insert.executeUpdate();
        }
    }

    private void updatePayment(Connection connection, PaymentRecorded event, OffsetDateTime paidAt, LocalDate day)
            throws SQLException {
        Payment payment = event.payment();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE reconciliation_payment SET store_id = ?, provider = ?,
                  merchant_order_no = COALESCE(?, merchant_order_no), provider_trade_no = COALESCE(?, provider_trade_no),
                  status = ?, amount_minor = ?, refunded_minor = ?, currency = ?, occurred_at = ?, business_day = ?,
                  state_occurred_at = ?, state_recorded_at = ?, event_id = ?, updated_at = ?
                WHERE payment_id = ?""")) {
            update.setString(1, payment.storeId());
            update.setString(2, payment.provider().label());
            update.setString(3, SaleTenders.blankToNull(payment.merchantOrderNo()));
            update.setString(4, SaleTenders.blankToNull(payment.providerTradeNo()));
            update.setString(5, payment.status().label());
            update.setLong(6, payment.amount());
            update.setLong(7, payment.refunded());
            update.setString(8, payment.currency());
            update.setObject(9, paidAt);
            update.setObject(10, day);
            update.setObject(11, payment.occurredAt());
            update.setObject(12, event.recordedAt().atOffset(ZoneOffset.UTC));
            update.setString(13, event.eventId());
            update.setObject(14, now());
            update.setString(15, payment.paymentId());
            update.executeUpdate();
        }
    }

    /** Stores the bank entry once by its settlement id; false, changing nothing, when already stored. */
    public boolean storeSettlement(SettlementRecorded event) throws SQLException {
        Settlement settlement = event.settlement();
        return inTransaction(connection -> {
            if (exists(connection, "SELECT 1 FROM reconciliation_settlement WHERE settlement_id = ?",
                    settlement.settlementId())) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reconciliation_settlement (settlement_id, store_id, account, amount_minor, currency,
                      booking_date, value_date, bank_reference, statement_id, event_id, stored_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, settlement.settlementId());
                insert.setString(2, settlement.storeId());
                insert.setString(3, settlement.account());
                insert.setLong(4, settlement.amount());
                insert.setString(5, settlement.currency());
                insert.setObject(6, settlement.bookingDate());
                insert.setObject(7, settlement.valueDate());
                insert.setString(8, settlement.bankReference());
                insert.setString(9, settlement.statementId());
                insert.setString(10, event.eventId());
                insert.setObject(11, now());
                insert.executeUpdate();
            }
            if (!settlement.details().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO reconciliation_settlement_detail (settlement_id, seq, amount_minor, original_minor,
                          original_currency, end_to_end_id, remittance, counterparty)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    int seq = 0;
                    for (Settlement.Detail detail : settlement.details()) {
                        insert.setString(1, settlement.settlementId());
                        insert.setInt(2, ++seq);
                        setLong(insert, 3, detail.amount());
                        setLong(insert, 4, detail.originalAmount() == null ? null : detail.originalAmount().minor());
                        insert.setString(5, detail.originalAmount() == null ? null
                                : detail.originalAmount().currency());
                        insert.setString(6, detail.endToEndId());
                        insert.setString(7, detail.remittance());
                        insert.setString(8, detail.counterparty());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (settlement.storeId() != null) {
                touchDay(connection, settlement.storeId(), settlement.bookingDate());
            }
            return true;
        });
    }

    /** Notes activity on a store's day, for the scheduled run to find. */
    private void touchDay(Connection connection, String storeId, LocalDate day) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO reconciliation_day t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (store_id, business_day, at)
                ON t.store_id = s.store_id AND t.business_day = s.business_day
                WHEN MATCHED THEN UPDATE SET last_activity_at = s.at
                WHEN NOT MATCHED THEN INSERT (store_id, business_day, last_activity_at)
                  VALUES (s.store_id, s.business_day, s.at)""")) {
            merge.setString(1, storeId);
            merge.setObject(2, day);
            merge.setObject(3, now());
            merge.executeUpdate();
        }
    }

    // ---- inputs of a run

    /** Sales of the store on business days {@code from} to {@code to}, inclusive. */
    public List<SaleTenders> sales(String storeId, LocalDate from, LocalDate to) {
        return query(connection -> readSales(connection, """
                SELECT s.sale_id, s.store_id, s.business_day, s.occurred_at, s.currency, t.seq, t.tender_type,
                  t.amount_minor, t.reference
                FROM reconciliation_sale s LEFT JOIN reconciliation_tender t ON t.sale_id = s.sale_id
                WHERE s.store_id = ? AND s.business_day BETWEEN ? AND ?
                ORDER BY s.sale_id, t.seq""", List.of(storeId, from, to)));
    }

    /** Sales of the store, of any day, with a tender whose reference is one of {@code references}. */
    public List<SaleTenders> salesNaming(String storeId, Collection<String> references) {
        Map<String, SaleTenders> sales = new LinkedHashMap<>();
        for (List<String> chunk : chunks(references)) {
            String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> parameters = new ArrayList<>();
            parameters.add(storeId);
            parameters.addAll(chunk);
            query(connection -> readSales(connection, """
                    SELECT s.sale_id, s.store_id, s.business_day, s.occurred_at, s.currency, t.seq, t.tender_type,
                      t.amount_minor, t.reference
                    FROM reconciliation_sale s LEFT JOIN reconciliation_tender t ON t.sale_id = s.sale_id
                    WHERE s.store_id = ? AND s.sale_id IN (SELECT n.sale_id FROM reconciliation_tender n
                      WHERE n.reference IN (%s))
                    ORDER BY s.sale_id, t.seq""".formatted(in), parameters))
                    .forEach(sale -> sales.put(sale.saleId(), sale));
        }
        return List.copyOf(sales.values());
    }

    private static List<SaleTenders> readSales(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        Map<String, SaleTenders> sales = new LinkedHashMap<>();
        Map<String, List<NonCashTender>> tenders = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String saleId = rows.getString(1);
                    if (!sales.containsKey(saleId)) {
                        sales.put(saleId, new SaleTenders(saleId, rows.getString(2),
                                rows.getObject(3, LocalDate.class), rows.getObject(4, OffsetDateTime.class),
                                rows.getString(5).strip(), List.of()));
                        tenders.put(saleId, new ArrayList<>());
                    }
                    int seq = rows.getInt(6);
                    if (!rows.wasNull()) {
                        tenders.get(saleId).add(new NonCashTender(seq, TenderType.parse(rows.getString(7)),
                                rows.getLong(8), rows.getString(9)));
                    }
                }
            }
        }
        List<SaleTenders> result = new ArrayList<>();
        for (SaleTenders sale : sales.values()) {
            result.add(new SaleTenders(sale.saleId(), sale.storeId(), sale.businessDay(), sale.occurredAt(),
                    sale.currency(), tenders.get(sale.saleId())));
        }
        return result;
    }

    private static final String PAYMENT_COLUMNS = """
            SELECT payment_id, provider, store_id, merchant_order_no, provider_trade_no, status, amount_minor,
              refunded_minor, currency, state_occurred_at, occurred_at FROM reconciliation_payment""";

    /** The latest state of the store's payments whose business day is {@code from} to {@code to}, inclusive. */
    public List<Payment> payments(String storeId, LocalDate from, LocalDate to) {
        return query(connection -> readPayments(connection, PAYMENT_COLUMNS
                + " WHERE store_id = ? AND business_day BETWEEN ? AND ? ORDER BY payment_id",
                List.of(storeId, from, to)));
    }

    /** The store's payments, of any day, whose merchant order or provider trade number is one of these. */
    public List<Payment> paymentsNamed(String storeId, Collection<String> references) {
        Map<String, Payment> payments = new LinkedHashMap<>();
        for (List<String> chunk : chunks(references)) {
            String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> parameters = new ArrayList<>();
            parameters.add(storeId);
            parameters.addAll(chunk);
            parameters.add(storeId);
            parameters.addAll(chunk);
            query(connection -> readPayments(connection, PAYMENT_COLUMNS + " WHERE store_id = ? AND merchant_order_no"
                    + " IN (" + in + ") UNION " + PAYMENT_COLUMNS + " WHERE store_id = ? AND provider_trade_no IN ("
                    + in + ")", parameters)).forEach(payment -> payments.put(payment.paymentId(), payment));
        }
        return List.copyOf(payments.values());
    }

    public Optional<Payment> payment(String paymentId) {
        return query(connection -> readPayments(connection, PAYMENT_COLUMNS + " WHERE payment_id = ?",
                List.of(paymentId))).stream().findFirst();
    }

    private static List<Payment> readPayments(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        List<Payment> payments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    // matching works on the payment time (occurred_at), the state's own time only orders notices
                    payments.add(new Payment(rows.getString(1), PaymentProvider.parse(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5),
                            PaymentStatus.parse(rows.getString(6)), rows.getLong(7), rows.getLong(8),
                            rows.getString(9).strip(), rows.getObject(11, OffsetDateTime.class), null, null));
                }
            }
        }
        return payments;
    }

    /** The store's bank entries booked {@code from} to {@code to}, inclusive, with their details. */
    public List<Settlement> settlements(String storeId, LocalDate from, LocalDate to) {
        return query(connection -> {
            Map<String, Settlement> entries = new LinkedHashMap<>();
            Map<String, List<Settlement.Detail>> details = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT s.settlement_id, s.store_id, s.account, s.amount_minor, s.currency, s.booking_date,
                      s.value_date, s.bank_reference, s.statement_id, d.seq, d.amount_minor, d.original_minor,
                      d.original_currency, d.end_to_end_id, d.remittance, d.counterparty
                    FROM reconciliation_settlement s
                      LEFT JOIN reconciliation_settlement_detail d ON d.settlement_id = s.settlement_id
                    WHERE s.store_id = ? AND s.booking_date BETWEEN ? AND ?
                    ORDER BY s.settlement_id, d.seq""")) {
                bind(select, List.of(storeId, from, to));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        if (!entries.containsKey(id)) {
                            entries.put(id, new Settlement(id, rows.getString(2), rows.getString(3), rows.getLong(4),
                                    rows.getString(5).strip(), rows.getObject(6, LocalDate.class),
                                    rows.getObject(7, LocalDate.class), rows.getString(8), List.of(),
                                    rows.getString(9)));
                            details.put(id, new ArrayList<>());
                        }
                        rows.getInt(10);
                        if (!rows.wasNull()) {
                            Long amount = getLong(rows, 11);
                            Long original = getLong(rows, 12);
                            String originalCurrency = rows.getString(13);
                            details.get(id).add(new Settlement.Detail(amount, original == null ? null
                                    : new Money(original, originalCurrency.strip()), rows.getString(14),
                                    rows.getString(15), rows.getString(16)));
                        }
                    }
                }
            }
            List<Settlement> result = new ArrayList<>();
            for (Settlement s : entries.values()) {
                result.add(new Settlement(s.settlementId(), s.storeId(), s.account(), s.amount(), s.currency(),
                        s.bookingDate(), s.valueDate(), s.bankReference(), details.get(s.settlementId()),
                        s.statementId()));
            }
            return result;
        });
    }

    /** Whether the store ever sent a bank entry: only then can a payment be missing from the bank. */
    public boolean hasSettlements(String storeId) {
        return query(connection -> exists(connection,
                "SELECT 1 FROM reconciliation_settlement WHERE store_id = ? FETCH FIRST 1 ROWS ONLY", storeId));
    }

    public long saleCount(String saleId) {
        return query(connection -> exists(connection, "SELECT 1 FROM reconciliation_sale WHERE sale_id = ?", saleId)
                ? 1L : 0L);
    }

    public long settlementCount(String settlementId) {
        return query(connection -> exists(connection,
                "SELECT 1 FROM reconciliation_settlement WHERE settlement_id = ?", settlementId) ? 1L : 0L);
    }

    /** A store and one of its business days. */
    public record StoreDay(String storeId, LocalDate day) {
    }

    /** Store days with activity on or after {@code from}, by store and day. */
    public List<StoreDay> activeDays(LocalDate from) {
        return query(connection -> {
            List<StoreDay> days = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT store_id, business_day FROM reconciliation_day WHERE business_day >= ?
                    ORDER BY store_id, business_day""")) {
                select.setObject(1, from);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(new StoreDay(rows.getString(1), rows.getObject(2, LocalDate.class)));
                    }
                }
            }
            return days;
        });
    }

    // ---- results

    /**
     * Replaces the day's results with these, in one transaction. Discrepancies seen for the first time are
     * recorded unpublished; those seen before stay as they were published; those no longer found are resolved.
     */
    public void saveResults(String storeId, LocalDate day, List<ReconciliationResult> results, Instant at)
            throws SQLException {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM reconciliation_result WHERE store_id = ? AND business_day = ?")) {
                bind(delete, List.of(storeId, day));
                delete.executeUpdate();
            }
            if (!results.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO reconciliation_result (store_id, business_day, subject, line_no, state, sale_id,
                          reference, payment_id, settlement_id, expected_minor, actual_minor, currency, detail,
                          discrepancy_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    int line = 0;
                    for (ReconciliationResult result : results) {
                        insert.setString(1, storeId);
                        insert.setObject(2, day);
                        insert.setString(3, result.subject());
                        insert.setInt(4, ++line);
                        insert.setString(5, result.state().label());
                        insert.setString(6, result.saleId());
                        insert.setString(7, clip(result.reference(), 200));
                        insert.setString(8, result.paymentId());
                        insert.setString(9, result.settlementId());
                        setLong(insert, 10, result.expected());
                        setLong(insert, 11, result.actual());
                        insert.setString(12, result.currency());
                        insert.setString(13, clip(result.detail(), 1000));
                        insert.setString(14, result.discrepancyId());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            Set<String> open = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT discrepancy_id FROM reconciliation_discrepancy
                    WHERE store_id = ? AND business_day = ? AND resolved_at IS NULL""")) {
                bind(select, List.of(storeId, day));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        open.add(rows.getString(1));
                    }
                }
            }
            for (ReconciliationResult result : results) {
                if (result.discrepancyId() != null) {
                    open.remove(result.discrepancyId());
                    recordDiscrepancy(connection, storeId, day, result, now);
                }
            }
            try (PreparedStatement resolve = connection.prepareStatement(
                    "UPDATE reconciliation_discrepancy SET resolved_at = ? WHERE discrepancy_id = ?")) {
                for (String id : open) {
                    resolve.setObject(1, now);
                    resolve.setString(2, id);
                    resolve.addBatch();
                }
                resolve.executeBatch();
            }
            try (PreparedStatement merge = connection.prepareStatement("""
                    MERGE INTO reconciliation_day t
                    USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                      AS s (store_id, business_day, at)
                    ON t.store_id = s.store_id AND t.business_day = s.business_day
                    WHEN MATCHED THEN UPDATE SET last_run_at = s.at
                    WHEN NOT MATCHED THEN INSERT (store_id, business_day, last_activity_at, last_run_at)
                      VALUES (s.store_id, s.business_day, s.at, s.at)""")) {
                merge.setString(1, storeId);
                merge.setObject(2, day);
                merge.setObject(3, now);
                merge.executeUpdate();
            }
            return null;
        });
    }

    private static void recordDiscrepancy(Connection connection, String storeId, LocalDate day,
            ReconciliationResult result, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE reconciliation_discrepancy SET last_seen_at = ?, resolved_at = NULL, expected_minor = ?,
                  actual_minor = ?, detail = ? WHERE discrepancy_id = ?""")) {
            update.setObject(1, now);
            setLong(update, 2, result.expected());
            setLong(update, 3, result.actual());
            update.setString(4, clip(result.detail(), 1000));
            update.setString(5, result.discrepancyId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO reconciliation_discrepancy (discrepancy_id, store_id, business_day, state, subject,
                  sale_id, payment_id, settlement_id, expected_minor, actual_minor, currency, detail, detected_at,
                  last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, result.discrepancyId());
            insert.setString(2, storeId);
            insert.setObject(3, day);
            insert.setString(4, result.state().label());
            insert.setString(5, result.subject());
            insert.setString(6, result.saleId());
            insert.setString(7, result.paymentId());
            insert.setString(8, result.settlementId());
            setLong(insert, 9, result.expected());
            setLong(insert, 10, result.actual());
            insert.setString(11, result.currency());
            insert.setString(12, clip(result.detail(), 1000));
            insert.setObject(13, now);
            insert.setObject(14, now);
            insert.executeUpdate();
        }
    }

    /** The day's open discrepancies not yet published, oldest first. */
    public List<Discrepancy> unpublished(String storeId, LocalDate day) {
        return query(connection -> readDiscrepancies(connection, """
                SELECT discrepancy_id, store_id, business_day, state, sale_id, payment_id, settlement_id,
                  expected_minor, actual_minor, currency, detail, detected_at
                FROM reconciliation_discrepancy
                WHERE store_id = ? AND business_day = ? AND published_at IS NULL AND resolved_at IS NULL
                ORDER BY detected_at, discrepancy_id""", List.of(storeId, day)));
    }

    /** Every discrepancy ever recorded for the day, open or resolved. */
    public List<DiscrepancyRecord> discrepancies(String storeId, LocalDate day) {
        return query(connection -> {
            List<DiscrepancyRecord> records = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT discrepancy_id, state, detected_at, published_at, resolved_at
                    FROM reconciliation_discrepancy WHERE store_id = ? AND business_day = ?
                    ORDER BY discrepancy_id""")) {
                bind(select, List.of(storeId, day));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new DiscrepancyRecord(rows.getString(1), ResultState.parse(rows.getString(2)),
                                instant(rows, 3), instant(rows, 4), instant(rows, 5)));
                    }
                }
            }
            return records;
        });
    }

    /** What the table keeps about one discrepancy's life. */
    public record DiscrepancyRecord(String discrepancyId, ResultState state, Instant detectedAt, Instant publishedAt,
            Instant resolvedAt) {
    }

    public void markPublished(String discrepancyId, Instant at) throws SQLException {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE reconciliation_discrepancy SET published_at = ? WHERE discrepancy_id = ?")) {
                update.setObject(1, at.atOffset(ZoneOffset.UTC));
                update.setString(2, discrepancyId);
                return update.executeUpdate();
            }
        });
    }

    private static List<Discrepancy> readDiscrepancies(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        List<Discrepancy> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String currency = rows.getString(10);
                    found.add(new Discrepancy(rows.getString(1), rows.getString(2),
                            rows.getObject(3, LocalDate.class), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), getLong(rows, 8), getLong(rows, 9),
                            currency == null ? null : currency.strip(), rows.getString(11), instant(rows, 12)));
                }
            }
        }
        return found;
    }

    /** The day's results as its last run stored them; empty when the day never ran. */
    public Optional<ReconciliationReport> report(String storeId, LocalDate day) {
        return query(connection -> {
            Instant reconciledAt;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_run_at FROM reconciliation_day WHERE store_id = ? AND business_day = ?")) {
                bind(select, List.of(storeId, day));
                try (ResultSet row = select.executeQuery()) {
                    reconciledAt = row.next() ? instant(row, 1) : null;
                }
            }
            if (reconciledAt == null) {
                return Optional.empty();
            }
            List<ReconciliationResult> results = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT state, subject, sale_id, reference, payment_id, settlement_id, expected_minor,
                      actual_minor, currency, detail, discrepancy_id
                    FROM reconciliation_result WHERE store_id = ? AND business_day = ? ORDER BY line_no""")) {
                bind(select, List.of(storeId, day));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String currency = rows.getString(9);
                        results.add(new ReconciliationResult(ResultState.parse(rows.getString(1)),
                                rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getString(6), getLong(rows, 7), getLong(rows, 8),
                                currency == null ? null : currency.strip(), rows.getString(10), rows.getString(11)));
                    }
                }
            }
            return Optional.of(new ReconciliationReport(storeId, day, reconciledAt, results));
        });
    }

    // ---- JDBC helpers

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static boolean exists(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rows, int index) throws SQLException {
        long value = rows.getLong(index);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rows, int index) throws SQLException {
        OffsetDateTime at = rows.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = values.stream().filter(v -> v != null && !v.isBlank()).distinct().sorted().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }
}
