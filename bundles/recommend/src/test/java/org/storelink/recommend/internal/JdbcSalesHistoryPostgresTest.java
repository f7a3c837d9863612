package org.storelink.recommend.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The history's tests on a real PostgreSQL (15+, for MERGE), each in a schema of its own. Runs when the system
 * property {@code storelink.test.postgresUrl} names a database (with {@code storelink.test.postgresUser} and
 * {@code storelink.test.postgresPassword}).
 */
class JdbcSalesHistoryPostgresTest extends JdbcSalesHistoryTest {
    private static final String URL = System.getProperty("storelink.test.postgresUrl", "");

    private String schema;

    @Override
    DataSource newDatabase() throws Exception {
        assumeTrue(!URL.isBlank(), "storelink.test.postgresUrl is not set: PostgreSQL tests skipped");
        schema = "recommend_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource(URL).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    void dropDatabase(DataSource dataSource) throws Exception {
        if (schema == null) {
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
