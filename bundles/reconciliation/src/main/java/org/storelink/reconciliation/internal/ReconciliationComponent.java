package org.storelink.reconciliation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.model.Store;
import org.storelink.reconciliation.Reconciliation;
import org.storelink.reconciliation.ReconciliationReport;
import org.storelink.stores.StoreRegistry;

/**
 * Reconciliation in OSGi: migrates its tables on the {@code storelink} DataSource, consumes its three queues,
 * runs the schedule and offers {@link Reconciliation}.
 */
@Component(service = Reconciliation.class, immediate = true, configurationPid = "org.storelink.reconciliation")
@Designate(ocd = ReconciliationConfig.class)
public final class ReconciliationComponent implements Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationComponent.class);

    private final CamelContext camel;
    private final CamelDiscrepancyPublisher publisher;
    private final Reconciler reconciler;

    @Activate
    public ReconciliationComponent(BundleContext bundleContext, ReconciliationConfig config,
                                   @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                                   @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                                   @Reference StoreRegistry stores) throws Exception {
        Reconciler.Settings settings = settings(config);
        MigrateResult migration = ReconciliationSchema.migrate(dataSource,
                ReconciliationComponent.class.getClassLoader());
        LOG.info("Reconciliation schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        Clock clock = Clock.systemUTC();
        JdbcReconciliationStore store = new JdbcReconciliationStore(dataSource,
                id -> stores.store(id).map(Store::zone), clock);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-reconciliation");
        camel.addComponent("jms", transactedJms(connectionFactory));
        publisher = new CamelDiscrepancyPublisher(camel);
        reconciler = new Reconciler(store, id -> stores.store(id).map(Store::zone), publisher, settings, clock);
        camel.addRoutes(new ReconciliationRoutes(store, config.maxDeliveryAttempts(), config.concurrentConsumers(),
                clock));
        camel.addRoutes(new RunRoutes(reconciler, Duration.ofMinutes(config.schedule_minutes())));
        camel.start();
    }

    /** Refuses a configuration that cannot work, naming every bad key, so activation fails visibly. */
    static Reconciler.Settings settings(ReconciliationConfig config) {
        List<String> problems = new ArrayList<>();
        atLeast(problems, "match.window.minutes", config.match_window_minutes(), 0);
        atLeast(problems, "settlement.lag.days", config.settlement_lag_days(), 0);
        atLeast(problems, "settlement.horizon.days", config.settlement_horizon_days(), 1);
        atLeast(problems, "schedule.minutes", config.schedule_minutes(), 1);
        atLeast(problems, "close.grace.minutes", config.close_grace_minutes(), 0);
        atLeast(problems, "lookback.days", config.lookback_days(), 1);
        atLeast(problems, "maxDeliveryAttempts", config.maxDeliveryAttempts(), 1);
        atLeast(problems, "concurrentConsumers", config.concurrentConsumers(), 1);
        if (config.concurrentConsumers() > 64) {
            problems.add("concurrentConsumers must be at most 64, is " + config.concurrentConsumers());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("org.storelink.reconciliation: " + String.join("; ", problems));
        }
        return new Reconciler.Settings(Duration.ofMinutes(config.match_window_minutes()),
                config.settlement_lag_days(), config.settlement_horizon_days(),
                Duration.ofMinutes(config.close_grace_minutes()), config.lookback_days());
    }

    private static void atLeast(List<String> problems, String key, int value, int min) {
        if (value < min) {
            problems.add(key + " must be at least " + min + ", is " + value);
        }
    }

    /** Local JMS transactions, as the ledger's: the session commits after the route returns, rolls back on error. */
    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @Override
    public ReconciliationReport reconcile(String storeId, LocalDate businessDay) {
        return reconciler.reconcile(storeId, businessDay);
    }

    @Override
    public Optional<ReconciliationReport> report(String storeId, LocalDate businessDay) {
        return reconciler.report(storeId, businessDay);
    }

    @Deactivate
    void deactivate() throws Exception {
        publisher.close();
        camel.close();
    }
}
