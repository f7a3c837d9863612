package org.storelink.insights.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the insights tables to the current version with Flyway, with a history table of their own so that the
 * module migrates independently of the other modules sharing the database.
 */
public final class InsightsSchema {
    public static final String LOCATION = "classpath:db/migration/insights";
    public static final String HISTORY_TABLE = "insights_schema_history";

    private InsightsSchema() {
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
