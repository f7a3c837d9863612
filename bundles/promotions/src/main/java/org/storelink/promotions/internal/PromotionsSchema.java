package org.storelink.promotions.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the module's tables to the current version, with a history table of its own. */
public final class PromotionsSchema {
    public static final String LOCATION = "classpath:db/migration/promotions";
    public static final String HISTORY_TABLE = "promotions_schema_history";

    private PromotionsSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
