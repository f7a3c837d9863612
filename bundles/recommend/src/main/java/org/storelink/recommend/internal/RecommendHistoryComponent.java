package org.storelink.recommend.internal;

import java.time.Clock;

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
import org.storelink.stores.StoreRegistry;

/**
 * The recommend module's sales history, for every region: migrates its tables on the {@code storelink} DataSource
 * and consumes {@code storelink.sales.recorded::recommend.sales}. It runs whether or not any region is enabled, so
 * a region switched on later starts with its history.
 */
@Component(service = SalesHistory.class, immediate = true, configurationPid = "org.storelink.recommend.history")
@Designate(ocd = HistoryConfig.class)
public final class RecommendHistoryComponent extends JdbcSalesHistory {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendHistoryComponent.class);

    private final CamelContext camel;

    @Activate
    public RecommendHistoryComponent(BundleContext bundleContext, HistoryConfig config,
                                     @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                                     @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                                     @Reference StoreRegistry stores) throws Exception {
        super(dataSource, id -> stores.store(id).map(Store::zone), Clock.systemUTC());
        MigrateResult migration = RecommendSchema.migrate(dataSource, RecommendHistoryComponent.class.getClassLoader());
        LOG.info("Recommend schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-recommend");
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        // local JMS transactions, as the ledger: one connection, the session committed after the route returns
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        camel.addComponent("jms", jms);
        camel.addRoutes(new HistoryRoutes(this, config.maxDeliveryAttempts(), config.concurrentConsumers(),
                Clock.systemUTC()));
        camel.start();
    }

    @Deactivate
    void deactivate() throws Exception {
        camel.close();
    }
}
