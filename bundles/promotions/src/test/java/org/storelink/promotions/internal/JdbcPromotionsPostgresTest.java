package org.storelink.promotions.internal;

import javax.sql.DataSource;

/** The same tests on PostgreSQL, when -Dstorelink.test.postgresUrl names one; skipped otherwise. */
class JdbcPromotionsPostgresTest extends JdbcPromotionsContract {
    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    DataSource createDataSource() throws Exception {
        return databases.create();
    }

    @Override
    void dropDataSource(DataSource dataSource) throws Exception {
        databases.drop();
    }
}
