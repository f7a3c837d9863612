package org.storelink.insights.internal;

import javax.sql.DataSource;

/** {@link InsightsQueriesTest} on PostgreSQL, when {@code storelink.test.postgresUrl} is set. */
class InsightsQueriesPostgresTest extends InsightsQueriesTest {
    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource newDatabase() throws Exception {
        return schemas.create();
    }

    @Override
    void dropDatabase(DataSource dataSource) throws Exception {
        schemas.drop(dataSource);
    }
}
