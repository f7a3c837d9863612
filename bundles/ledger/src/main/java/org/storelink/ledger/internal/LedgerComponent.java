package org.storelink.ledger.internal;

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
import org.storelink.ledger.SalesQueries;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * The ledger in OSGi: migrates the schema on the {@code storelink} DataSource, offers {@link SalesQueries} and runs
 * the route that stores recorded sales.
 */
@Component(service = SalesQueries.class, immediate = true, configurationPid = "org.storelink.ledger")
@Designate(ocd = LedgerConfig.class)
public final class LedgerComponent extends DelegatingSalesQueries {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerComponent.class);

    private final CamelContext camel;

    @Activate
    public LedgerComponent(BundleContext bundleContext, LedgerConfig config,
                           @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                           @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                           @Reference StoreRegistry stores) throws Exception {
        super(new JdbcLedger(dataSource, id -> stores.store(id).map(Store::zone), Clock.systemUTC()));
        MigrateResult migration = LedgerSchema.migrate(dataSource, LedgerComponent.class.getClassLoader());
        LOG.info("Ledger schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-ledger");
        camel.addComponent("jms", transactedJms(connectionFactory));
        camel.addRoutes(new LedgerRoutes(ledger(), config.maxDeliveryAttempts(), config.concurrentConsumers(),
                Clock.systemUTC()));
        camel.start();
    }

    /**
     * Local JMS transactions, no external transaction manager: the listener container keeps one connection and its
     * consumers open and commits the session after the route returns, rolls it back when it throws. A dead letter
     * sent from the route goes through the same session, so it is committed together with the acknowledgement.
     * (An external JmsTransactionManager would take a new connection from the factory for every message.)
     */
    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @Deactivate
    void deactivate() throws Exception {
        camel.close();
    }
}
