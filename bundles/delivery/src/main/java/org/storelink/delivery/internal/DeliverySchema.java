package org.storelink.delivery.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Migrates the module's tables with Flyway, with a history table of its own beside the other modules'. */
public final class DeliverySchema {
    public static final String LOCATION = "classpath:db/migration/delivery";
    public static final String HISTORY_TABLE = "delivery_schema_history";

    private DeliverySchema() {
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
