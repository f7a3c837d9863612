package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
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
import org.storelink.model.Store;
import org.storelink.model.json.Json;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;
import org.storelink.partners.PartnerRegistry;
import org.storelink.stores.StoreRegistry;
import org.storelink.wholesale.CutoffResult;
import org.storelink.wholesale.Delivery;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.Replenishment;
import org.storelink.wholesale.SourcingShare;
import org.storelink.wholesale.SourcingShares;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.WholesaleOrdering;

/**
 * Wholesale in OSGi: migrates its tables, reads the suppliers and sourcing files, consumes sales and every
 * wholesaler partner's inbound address, schedules the cut-off, serves its REST resources through a whiteboard
 * filter, and offers {@link WholesaleOrdering} and {@link SourcingShares}. An invalid configuration or file fails
 * activation with every problem named; the events then wait in the durable queues.
 */
@Component(service = {WholesaleOrdering.class, SourcingShares.class, PartnerListener.class},
        immediate = true, configurationPid = WholesaleConfig.PID)
@Designate(ocd = WholesaleConfig.class)
public final class WholesaleComponent implements WholesaleOrdering, SourcingShares, PartnerListener {
    private static final Logger LOG = LoggerFactory.getLogger(WholesaleComponent.class);

    private final WholesaleService service;
    private final WholesaleSettings settings;
    private final CamelContext camel;
    private final ChannelSender sender;
    private final PartnerMessages messages;
    private final CutoffScheduler scheduler;
    private final ServiceRegistration<Filter> filter;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public WholesaleComponent(BundleContext bundleContext, WholesaleConfig config,
                              @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                              @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                              @Reference StoreRegistry stores, @Reference PartnerRegistry partners)
            throws Exception {
        String etc = bundleContext.getProperty("karaf.etc");
        settings = WholesaleSettings.from(config, etc == null ? null : Path.of(etc));
        List<Supplier> suppliers = ConfigFiles.suppliers(settings.suppliersFile());
        Map<String, BigDecimal> contracted = ConfigFiles.sourcing(settings.sourcingFile());

        MigrateResult migration = WholesaleSchema.migrate(dataSource, WholesaleComponent.class.getClassLoader());
        LOG.info("Wholesale schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        JdbcWholesale db = new JdbcWholesale(dataSource);
        Catalogs catalogs = new Catalogs(suppliers);
        for (Map.Entry<String, String> stored : db.catalogs().entrySet()) {
            List<String> problems = new java.util.ArrayList<>();
            catalogs.received(stored.getKey(), CatalogReader.products(Json.mapper().readTree(stored.getValue()),
                    "products", problems));
        }

        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-wholesale");
        camel.addComponent("jms", transactedJms(connectionFactory));
        camel.addComponent(ChannelSender.SEND_COMPONENT, JmsComponent.jmsComponent(connectionFactory));
        sender = new ChannelSender(camel, partners);
        service = new WholesaleService(db, catalogs, stores, settings, contracted, sender, clock);
        messages = new PartnerMessages(service, clock);
        camel.addRoutes(new SalesRoutes(db, id -> stores.store(id).map(Store::zone), settings.maxDeliveryAttempts(),
                settings.concurrentConsumers(), clock, DeadLetters.URI));
        camel.start();

        scheduler = settings.cutoffEnabled() ? new CutoffScheduler(settings.cutoffCron(), settings.cutoffZone(),
                clock, service::cutoff) : null;
        if (scheduler != null) {
            scheduler.start();
        } else {
            LOG.info("Scheduled cut-off is off; run storelink:cutoff");
        }

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.filter.pattern", WholesaleFilter.PATTERN);
        properties.put("osgi.http.whiteboard.filter.name", "storelink-wholesale");
        filter = bundleContext.registerService(Filter.class, new WholesaleFilter(this, this, stores, clock), properties);
        LOG.info("Wholesale ready: {} configured supplier(s), service level {} (z = {}), cut-off {}",
                suppliers.size(), settings.serviceLevel(), settings.z(),
                settings.cutoffEnabled() ? settings.cutoffCron() + " " + settings.cutoffZone() : "off");
    }

    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @Override
    public void partnerAdded(Partner partner) {
        if (partner.kind() != PartnerKind.WHOLESALER) {
            return;
        }
        try {
            if (camel.getRoute(PartnerRoutes.routeId(partner.id())) == null) {
                camel.addRoutes(new PartnerRoutes(partner.id(), messages, settings.maxDeliveryAttempts(), clock,
                        DeadLetters.URI, PartnerRoutes.outUri(partner.id())));
                LOG.info("Consuming {} for wholesaler {}", partner.inAddress(), partner.id());
            }
        } catch (Exception e) {
            LOG.error("Could not consume {} of wholesaler {}: {}", partner.inAddress(), partner.id(),
                    e.getMessage(), e);
        }
    }

    @Override
    public void partnerRemoved(Partner partner) {
        String routeId = PartnerRoutes.routeId(partner.id());
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("Could not stop route {}: {}", routeId, e.getMessage());
        }
    }

    @Override
    public Optional<Replenishment> replenishment(String storeId) {
        return service.replenishment(storeId);
    }

    @Override
    public StoreOrder confirmOrder(String storeId, List<Quantity> lines) {
        return service.confirmOrder(storeId, lines);
    }

    @Override
    public List<StoreOrder> orders(String storeId, int limit) {
        return service.orders(storeId, limit);
    }

    @Override
    public void recordStockCount(String storeId, StockCount count) {
        service.recordStockCount(storeId, count);
    }

    @Override
    public void recordDelivery(String storeId, Delivery delivery) {
        service.recordDelivery(storeId, delivery);
    }

    @Override
    public Purchase recordPurchase(Purchase purchase) {
        return service.recordPurchase(purchase);
    }

    @Override
    public CutoffResult cutoff() {
        return service.cutoff();
    }

    @Override
    public Optional<SourcingShare> share(String storeId, YearMonth month) {
        return service.share(storeId, month);
    }

    @Override
    public List<SourcingShare> belowCommitment(String regionId, YearMonth month) {
        return service.belowCommitment(regionId, month);
    }

    @Deactivate
    void deactivate() throws Exception {
        filter.unregister();
        if (scheduler != null) {
            scheduler.close();
        }
        sender.close();
        camel.close();
    }
}
