package org.storelink.wholesale.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Migrates the wholesale tables with Flyway, with a history table of their own. */
public final class WholesaleSchema {
    public static final String LOCATION = "classpath:db/migration/wholesale";
    public static final String HISTORY_TABLE = "wholesale_schema_history";

    private WholesaleSchema() {
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
