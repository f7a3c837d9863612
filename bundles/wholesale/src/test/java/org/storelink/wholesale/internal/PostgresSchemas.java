package org.storelink.wholesale.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema per test when {@code storelink.test.postgresUrl} is set (with {@code .postgresUser} and
 * {@code .postgresPassword}); otherwise the test is skipped.
 */
final class PostgresSchemas {
    private static final String URL = System.getProperty("storelink.test.postgresUrl", "");
    private final String schema = "wholesale_test_" + UUID.randomUUID().toString().replace("-", "");

    DataSource create() throws Exception {
        assumeTrue(!URL.isBlank(), "storelink.test.postgresUrl is not set: PostgreSQL tests skipped");
        try (Connection connection = dataSource(URL).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    void drop(DataSource dataSource) throws Exception {
        if (URL.isBlank() || dataSource == null) {
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
