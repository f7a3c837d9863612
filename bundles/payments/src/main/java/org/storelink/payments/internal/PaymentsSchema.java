package org.storelink.payments.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the payments tables to the current version, with a history table of their own. */
public final class PaymentsSchema {
    public static final String LOCATION = "classpath:db/migration/payments";
    public static final String HISTORY_TABLE = "payments_schema_history";

    private PaymentsSchema() {
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
