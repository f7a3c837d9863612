package org.storelink.wholesale.internal;

import javax.sql.DataSource;

/** {@link WholesaleServiceTest} on PostgreSQL, when {@code storelink.test.postgresUrl} is set. */
class WholesaleServicePostgresTest extends WholesaleServiceTest {
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
