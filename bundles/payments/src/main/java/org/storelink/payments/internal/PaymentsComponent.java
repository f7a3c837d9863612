package org.storelink.payments.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
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
import org.springframework.jms.connection.CachingConnectionFactory;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.model.Payment;
import org.storelink.payments.PaymentQueries;
import org.storelink.stores.StoreRegistry;

/**
 * The payments module in OSGi: migrates its tables on the {@code storelink} DataSource, runs the notification
 * routes in the bundle's Camel context, offers the two notify servlets on the HTTP whiteboard and the
 * {@link PaymentQueries} service. Alipay apps and WeChat Pay merchants come and go in {@link Accounts} with their
 * factory configurations while it runs.
 */
@Component(service = {}, immediate = true, configurationPid = PaymentsConfig.PID)
@Designate(ocd = PaymentsConfig.class)
public final class PaymentsComponent implements PaymentQueries {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsComponent.class);

    private final PaymentStore store;
    private final StoreRegistry stores;
    private final CachingConnectionFactory publishing;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final List<ServiceRegistration<Servlet>> servlets;
    private final ServiceRegistration<PaymentQueries> queries;

    @Activate
    public PaymentsComponent(BundleContext bundleContext, PaymentsConfig config,
                             @Reference(target = "(dataSourceName=storelink)") DataSource dataSource,
                             @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                             @Reference StoreRegistry stores,
                             @Reference Accounts accounts) throws Exception {
        this.stores = stores;
        Clock clock = Clock.systemUTC();
        Pseudonyms pseudonyms = Pseudonyms.load(config.pseudonym_key(), keyFile(bundleContext));
        MigrateResult migration = PaymentsSchema.migrate(dataSource, PaymentsComponent.class.getClassLoader());
        LOG.info("Payments schema at version {} ({} migrations applied)", migration.targetSchemaVersion,
                migration.migrationsExecuted);
        store = new PaymentStore(dataSource, clock);

        // Sessions and producers are reused across requests; each send is still a synchronous persistent send.
        publishing = new CachingConnectionFactory(connectionFactory);
        publishing.setSessionCacheSize(16);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-payments");
        camel.addComponent("jms", JmsComponent.jmsComponent(publishing));
        camel.addRoutes(new PaymentRoutes(new AlipayNotifications(accounts, stores, store, pseudonyms, clock),
                new WechatNotifications(accounts, stores, store, pseudonyms, clock), store,
                PaymentRoutes.publishUri()));
        camel.start();
        producer = camel.createProducerTemplate();
        servlets = List.of(
                register(bundleContext, NotificationServlet.alipay(producer), NotificationServlet.ALIPAY_PATTERN,
                        "storelink-payments-alipay"),
                register(bundleContext, NotificationServlet.wechat(producer), NotificationServlet.WECHAT_PATTERN,
                        "storelink-payments-wechat"));
        // Registered by hand, without the configuration as service properties: those would show the key.
        queries = bundleContext.registerService(PaymentQueries.class, this, new Hashtable<>());
    }

    private static Path keyFile(BundleContext bundleContext) {
        String data = bundleContext.getProperty("karaf.data");
        return (data == null ? Path.of("data") : Path.of(data)).resolve("storelink").resolve("pseudonym.key");
    }

    private static ServiceRegistration<Servlet> register(BundleContext bundleContext, Servlet servlet,
                                                         String pattern, String name) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", pattern);
        properties.put("osgi.http.whiteboard.servlet.name", name);
        return bundleContext.registerService(Servlet.class, servlet, properties);
    }

    @Override
    public List<Payment> payments(String storeId, LocalDate day) {
        ZoneId zone = stores.store(storeId).orElseThrow(() -> new IllegalArgumentException(
                "store: \"" + storeId + "\" is not a registered store")).zone();
        return store.payments(storeId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public Optional<Payment> payment(String paymentId) {
        return store.payment(paymentId);
    }

    @Deactivate
    void deactivate() throws Exception {
        queries.unregister();
        servlets.forEach(ServiceRegistration::unregister);
        producer.close();
        camel.close();
        publishing.destroy();
    }
}
