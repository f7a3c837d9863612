package org.storelink.ledger.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the ledger's tables to the current version with Flyway. The ledger keeps its own history table, so
 * other modules can own and migrate their tables in the same database independently.
 */
public final class LedgerSchema {
    public static final String LOCATION = "classpath:db/migration/ledger";
    public static final String HISTORY_TABLE = "ledger_schema_history";

    private LedgerSchema() {
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
