package org.storelink.delivery.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database per test: H2 in memory, or a PostgreSQL schema of its own when
 * {@code -Dstorelink.test.postgresUrl} (with {@code ...postgresUser} and {@code ...postgresPassword}) is given;
 * PostgreSQL tests are skipped otherwise.
 */
final class TestDatabases {
    static final String POSTGRES_URL = System.getProperty("storelink.test.postgresUrl", "");

    private TestDatabases() {
    }

    interface Kind {
        DataSource create() throws Exception;

        void drop(DataSource dataSource) throws Exception;
    }

    static final Kind H2 = new Kind() {
        @Override
        public DataSource create() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            dataSource.setPassword("");
            DeliverySchema.migrate(dataSource, TestDatabases.class.getClassLoader());
            return dataSource;
        }

        @Override
        public void drop(DataSource dataSource) throws Exception {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    };

    /** A new kind per test class instance: each holds its own schema name. */
    static Kind postgres() {
        String schema = "delivery_test_" + UUID.randomUUID().toString().replace("-", "");
        return new Kind() {
            @Override
            public DataSource create() throws Exception {
                assumeTrue(!POSTGRES_URL.isBlank(), "storelink.test.postgresUrl is not set: PostgreSQL tests skipped");
                try (Connection connection = postgres(POSTGRES_URL).getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
                DataSource dataSource = postgres(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
                        + "currentSchema=" + schema);
                DeliverySchema.migrate(dataSource, TestDatabases.class.getClassLoader());
                return dataSource;
            }

            @Override
            public void drop(DataSource dataSource) throws Exception {
                if (dataSource == null) {
                    return;
                }
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        };
    }

    private static PGSimpleDataSource postgres(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(System.getProperty("storelink.test.postgresUser", "storelink"));
        dataSource.setPassword(System.getProperty("storelink.test.postgresPassword", ""));
        return dataSource;
    }
}
