package org.storelink.insights.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own per test, when the system property {@code storelink.test.postgresUrl} names a
 * database (with {@code storelink.test.postgresUser} and {@code storelink.test.postgresPassword}); otherwise the
 * test is skipped. {@code .ci/run} starts PostgreSQL and sets them.
 */
final class PostgresSchemas {
    private static final String URL = System.getProperty("storelink.test.postgresUrl", "");

    private final String schema = "insights_test_" + UUID.randomUUID().toString().replace("-", "");

    DataSource create() throws Exception {
        assumeTrue(!URL.isBlank(), "storelink.test.postgresUrl is not set: PostgreSQL tests skipped");
        try (Connection connection = dataSource(URL).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    void drop(DataSource dataSource) throws Exception {
        if (URL.isBlank()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(System.getProperty("storelink.test.postgresUser", "storelink"));
        dataSource.setPassword(System.getProperty("storelink.test.postgresPassword", ""));
        return dataSource;
    }
}
