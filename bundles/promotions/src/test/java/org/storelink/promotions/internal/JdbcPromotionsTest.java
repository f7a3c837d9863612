package org.storelink.promotions.internal;

import javax.sql.DataSource;

class JdbcPromotionsTest extends JdbcPromotionsContract {

    @Override
    DataSource createDataSource() {
        return Fixtures.h2();
    }

    @Override
    void dropDataSource(DataSource dataSource) throws Exception {
        Fixtures.shutdownH2(dataSource);
    }
}
