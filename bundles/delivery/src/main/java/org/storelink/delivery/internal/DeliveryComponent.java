package org.storelink.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;
import org.storelink.partners.PartnerRegistry;
import org.storelink.stores.StoreRegistry;

/**
 * Delivery in OSGi: migrates the module's tables on the {@code storelink} DataSource, runs the outbox dispatcher and
 * one status route per fleet partner, offers {@link Deliveries}, and serves stores over HTTP through a whiteboard
 * filter. The {@link PartnerListener} is registered last, once the context runs, so every fleet's route is added to
 * a started context.
 */
@Component(service = Deliveries.class, immediate = true, configurationPid = DeliveryConfig.PID)
@Designate(ocd = DeliveryConfig.class)
public final class DeliveryComponent implements Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryComponent.class);

    private final DeliveryService service;
    private final CamelContext camel;
    private final CamelSender sender;
    private final ExecutorService routeChanges;
    private final ServiceRegistration<Filter> filter;
    private final ServiceRegistration<PartnerListener> listener;

    @Activate
    public DeliveryComponent(BundleContext bundleContext, DeliveryConfig config,
                             @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                             @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                             @Reference StoreRegistry stores, @Reference PartnerRegistry partners) throws Exception {
        DeliverySettings settings = DeliverySettings.from(config);
        Clock clock = Clock.systemUTC();
        MigrateResult migration = DeliverySchema.migrate(dataSource, DeliveryComponent.class.getClassLoader());
        LOG.info("Delivery schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        JdbcDeliveries database = new JdbcDeliveries(dataSource, settings.clockSkew());

        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-delivery");
        camel.addComponent("jms", transactedJms(connectionFactory));
        sender = new CamelSender(camel);
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, sender,
                id -> partners.find(id).filter(p -> p.kind() == PartnerKind.FLEET).isPresent(), clock);
        camel.addRoutes(new DispatchRoutes(dispatcher, settings.dispatchInterval()));
        camel.start();
        service = new DeliveryService(database, stores, partners, settings.fleets(), clock,
                DeliveryService.randomIds(), this::dispatchSoon);

        StatusHandler handler = new StatusHandler(database, clock, settings.clockSkew());
        routeChanges = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storelink-delivery-fleets");
            thread.setDaemon(true);
            return thread;
        });
        FleetRoutes fleets = new FleetRoutes(camel,
                fleet -> new StatusRoutes(fleet, handler, settings.maxDeliveryAttempts(), clock), routeChanges);

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.filter.pattern", DeliveryFilter.PATTERN);
        properties.put("osgi.http.whiteboard.filter.name", "storelink-delivery");
        filter = bundleContext.registerService(Filter.class, new DeliveryFilter(this, stores), properties);
        listener = bundleContext.registerService(PartnerListener.class, fleets, null);
        LOG.info("Delivery ready: default fleets {}, dispatch every {} s", settings.fleets(),
                settings.dispatchInterval().toSeconds());
    }

    /**
     * Local JMS transactions, as the ledger has them: a consumer's session commits after the route returns and rolls
     * back when it throws, and what the route sends (a dead letter, an error answer) goes through that session.
     */
    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    private void dispatchSoon() {
        try {
            sender.dispatchSoon();
        } catch (RuntimeException e) {
            // the timer's next pass sends it
            LOG.debug("Could not ask for an immediate dispatch: {}", e.getMessage());
        }
    }

    @Override
    public Submission request(String storeId, byte[] json) {
        return service.request(storeId, json);
    }

    @Override
    public Optional<DeliveryDay> day(String storeId, LocalDate day) {
        return service.day(storeId, day);
    }

    @Override
    public Optional<DeliveryView> find(String storeId, String deliveryId) {
        return service.find(storeId, deliveryId);
    }

    @Deactivate
    void deactivate() throws Exception {
        listener.unregister();
        filter.unregister();
        routeChanges.shutdown();
        if (!routeChanges.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Fleet route changes still running at deactivation");
        }
        sender.close();
        camel.close();
    }
}
