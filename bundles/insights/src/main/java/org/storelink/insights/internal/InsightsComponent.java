package org.storelink.insights.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import javax.servlet.Filter;
import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.insights.Insights;
import org.storelink.insights.StoreInsights;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * Insights in OSGi: migrates the module's tables on the {@code storelink} DataSource, runs the routes that keep the
 * rollups, offers {@link Insights}, and serves them over HTTP through a whiteboard filter.
 *
 * <p>An invalid configuration (k below 2) fails activation: nothing is consumed then, and the events wait in the
 * module's durable queues until the configuration is fixed.
 */
@Component(service = Insights.class, immediate = true, configurationPid = InsightsConfig.PID)
@Designate(ocd = InsightsConfig.class)
public final class InsightsComponent implements Insights {
    private static final Logger LOG = LoggerFactory.getLogger(InsightsComponent.class);

    private final RollupInsights insights;
    private final CamelContext camel;
    private final ServiceRegistration<Filter> filter;

    @Activate
    public InsightsComponent(BundleContext bundleContext, InsightsConfig config,
                             @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                             @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                             @Reference StoreRegistry stores) throws Exception {
        // First, so that a bad configuration fails activation before anything is started.
        InsightsSettings settings = InsightsSettings.from(config);
        Clock clock = Clock.systemUTC();
        MigrateResult migration = InsightsSchema.migrate(dataSource, InsightsComponent.class.getClassLoader());
        LOG.info("Insights schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        insights = new RollupInsights(new JdbcInsightsQueries(dataSource), stores, settings.k(), clock);
        JdbcRollups rollups = new JdbcRollups(dataSource, id -> stores.store(id).map(Store::zone), clock);

        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-insights");
        camel.addComponent("jms", transactedJms(connectionFactory));
        camel.addRoutes(new InsightsRoutes(rollups, settings.maxDeliveryAttempts(), settings.concurrentConsumers(),
                clock, InsightsRoutes.deadLetterUri()));
        camel.start();

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.filter.pattern", InsightsFilter.PATTERN);
        properties.put("osgi.http.whiteboard.filter.name", "storelink-insights");
        filter = bundleContext.registerService(Filter.class, new InsightsFilter(insights, stores), properties);
        LOG.info("Insights ready: k = {}, {} consumer(s) per queue", settings.k(), settings.concurrentConsumers());
    }

    /**
     * Local JMS transactions, as the ledger has them: the listener container commits the session after the route
     * returns and rolls it back when it throws; a dead letter goes through the same session.
     */
    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @Override
    public Optional<StoreInsights> forStore(String storeId, int days) {
        return insights.forStore(storeId, days);
    }

    @Deactivate
    void deactivate() throws Exception {
        filter.unregister();
        camel.close();
    }
}
