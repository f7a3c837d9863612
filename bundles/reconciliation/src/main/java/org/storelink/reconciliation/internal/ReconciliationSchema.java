package org.storelink.reconciliation.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings reconciliation's tables to the current version with Flyway, with a history table of its own beside the
 * other modules' in the same database.
 */
public final class ReconciliationSchema {
    public static final String LOCATION = "classpath:db/migration/reconciliation";
    public static final String HISTORY_TABLE = "reconciliation_schema_history";

    private ReconciliationSchema() {
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
