package org.storelink.promotions.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own per test when {@code -Dstorelink.test.postgresUrl} (with {@code ...User} and
 * {@code ...Password}) names a database; otherwise the test is skipped.
 */
final class PostgresDatabases {
    private static final String URL = System.getProperty("storelink.test.postgresUrl", "");

    private final String schema = "promotions_test_" + UUID.randomUUID().toString().replace("-", "");

    DataSource create() throws Exception {
        assumeTrue(!URL.isBlank(), "storelink.test.postgresUrl is not set: PostgreSQL tests skipped");
        try (Connection connection = dataSource(URL).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    void drop() throws Exception {
        if (URL.isBlank()) {
            return;
        }
        try (Connection connection = dataSource(URL).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
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
