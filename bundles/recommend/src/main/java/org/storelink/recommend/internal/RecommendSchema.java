package org.storelink.recommend.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The recommend module's tables, migrated by Flyway with a history table of their own. */
public final class RecommendSchema {
    public static final String LOCATION = "classpath:db/migration/recommend";
    public static final String HISTORY_TABLE = "recommend_schema_history";

    private RecommendSchema() {
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
