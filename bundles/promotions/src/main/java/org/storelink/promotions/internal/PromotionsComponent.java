package org.storelink.promotions.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;
import org.storelink.partners.PartnerRegistry;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.PromotionReport;
import org.storelink.promotions.Promotions;
import org.storelink.stores.StoreRegistry;

/**
 * Promotions in OSGi: migrates the module's tables, consumes recorded sales, adds a catalog route per brand partner
 * as partners come and go (a {@link PartnerListener}), sends the scheduled reports, offers {@link Promotions} and
 * serves a store's promotions over HTTP through a whiteboard filter.
 */
@Component(service = Promotions.class, immediate = true, configurationPid = PromotionsConfig.PID)
@Designate(ocd = PromotionsConfig.class)
public final class PromotionsComponent implements Promotions {
    private static final Logger LOG = LoggerFactory.getLogger(PromotionsComponent.class);

    private final PromotionService service;
    private final CamelContext camel;
    private final CamelReportPublisher publisher;
    private final ServiceRegistration<PartnerListener> listener;
    private final ServiceRegistration<Filter> filter;

    @Activate
    public PromotionsComponent(BundleContext bundleContext, PromotionsConfig config,
                               @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                               @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                               @Reference StoreRegistry stores,
                               @Reference PartnerRegistry partners) throws Exception {
        // First, so that a bad configuration fails activation before anything starts.
        PromotionsSettings settings = PromotionsSettings.from(config);
        Clock clock = Clock.systemUTC();
        MigrateResult migration = PromotionsSchema.migrate(dataSource, PromotionsComponent.class.getClassLoader());
        LOG.info("Promotions schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        JdbcPromotions db = new JdbcPromotions(dataSource, stores::store, clock);
        service = new PromotionService(db, stores, clock);
        CatalogHandler catalogs = new CatalogHandler(db, clock);

        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-promotions");
        camel.addComponent("jms", transactedJms(connectionFactory));
        publisher = new CamelReportPublisher(camel);
        BrandReporter reporter = new BrandReporter(db, service, publisher,
                brand -> partners.find(brand).filter(p -> p.kind() == PartnerKind.BRAND).isPresent(),
                settings.reportPeriod(), clock);
        camel.addRoutes(new SalesRoutes(db, settings.maxDeliveryAttempts(), settings.concurrentConsumers(), clock,
                SalesRoutes.deadLetterUri()));
        camel.addRoutes(new ReportRoutes(reporter, settings.reportPeriod(), ReportRoutes.publishUri()));
        camel.start();

        // The registry tells a new listener of every existing partner, then of each new one.
        BrandRoutes brands = new BrandRoutes(camel, id -> new CatalogRoutes(id, catalogs,
                settings.maxDeliveryAttempts(), clock, CatalogRoutes.inputUri(id), CatalogRoutes.outputUri(id),
                CatalogRoutes.deadLetterUri()));
        listener = bundleContext.registerService(PartnerListener.class, brands, null);

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.filter.pattern", PromotionsFilter.PATTERN);
        properties.put("osgi.http.whiteboard.filter.name", "storelink-promotions");
        filter = bundleContext.registerService(Filter.class, new PromotionsFilter(this, stores, clock), properties);
        LOG.info("Promotions ready: reports every {} minute(s)", settings.reportPeriod().toMinutes());
    }

    /** Local JMS transactions: the session commits after the route returns and rolls back when it throws. */
    static JmsComponent transactedJms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @Override
    public Optional<List<ActivePromotion>> activeFor(String storeId) {
        return service.activeFor(storeId);
    }

    @Override
    public Optional<PromotionReport> report(String promotionId) {
        return service.report(promotionId);
    }

    @Deactivate
    void deactivate() throws Exception {
        filter.unregister();
        listener.unregister();
        publisher.close();
        camel.close();
    }
}
