package org.storelink.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two consumers storing sales of the same new store x day x product both try to create its rollup row; the loser's
 * MERGE fails on the primary key. The ledger tries that sale again, when the MERGE finds the row.
 */
class RollupRaceTest {
    private DataSource database;

    @BeforeEach
    void migrate() {
        database = TestSales.newDatabase();
        LedgerSchema.migrate(database, getClass().getClassLoader());
    }

    @AfterEach
    void shutdown() throws Exception {
        TestSales.shutdown(database);
    }

    /** The database, except that the rollup MERGE fails with a unique violation the first {@code failures} times. */
    private DataSource losingTheRace(int failures, AtomicInteger merges) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, database, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result, failures, merges)
                            : result;
                });
    }

    private Connection connection(Connection real, int failures, AtomicInteger merges) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("MERGE INTO")) {
                        return statement((PreparedStatement) result, failures, merges);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(PreparedStatement real, int failures, AtomicInteger merges) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeBatch") && merges.incrementAndGet() <= failures) {
                        throw new SQLException("duplicate key in ledger_daily_product", "23505");
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static JdbcLedger ledger(DataSource dataSource) {
        return new JdbcLedger(dataSource, id -> Optional.of(ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aSaleThatLostTheRollupRaceIsStoredOnTheNextTry() throws Exception {
        AtomicInteger merges = new AtomicInteger();
        var sale = TestSales.sale("sh-001", "r1", "2026-11-26T09:00:00+08:00", "CNY",
                TestSales.line(1, TestSales.GREEN_TEA, "Green tea", "2", 350, 0));

        assertThat(ledger(losingTheRace(1, merges)).store(TestSales.recorded(sale))).isTrue();

        assertThat(merges.get()).isEqualTo(2);
        JdbcLedger plain = ledger(database);
        assertThat(plain.count(sale.saleId())).isEqualTo(1);
        var day = plain.summary(Optional.of("sh-001"), Optional.of(LocalDate.parse("2026-11-26")), 5);
        assertThat(day.sales()).isEqualTo(1);
        assertThat(day.topProducts()).singleElement()
                .satisfies(p -> assertThat(p.units()).isEqualByComparingTo("2"));
    }

    @Test
    void aRaceLostEveryTimeFailsAfterTheLastTryAndStoresNothing() throws Exception {
        AtomicInteger merges = new AtomicInteger();
        var sale = TestSales.sale("sh-001", "r2", "2026-11-26T09:00:00+08:00", "CNY",
                TestSales.line(1, TestSales.GREEN_TEA, "Green tea", "1", 350, 0));

        assertThatThrownBy(() -> ledger(losingTheRace(Integer.MAX_VALUE, merges)).store(TestSales.recorded(sale)))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");

        assertThat(merges.get()).isEqualTo(JdbcLedger.ROLLUP_ATTEMPTS);
        assertThat(ledger(database).count(sale.saleId())).isZero();
    }
}
