package org.storelink.pos.platform.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.servlet.Servlet;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
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
import org.storelink.stores.StoreRegistry;

/**
 * Runs the Shopify and Square webhook routes in the bundle's Camel context and offers their servlet on the HTTP
 * whiteboard. A configuration change re-activates it; an invalid configuration fails activation, naming each key.
 */
@Component(immediate = true, configurationPid = PlatformConfig.PID)
@Designate(ocd = PlatformConfig.class)
public final class PlatformComponent {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformComponent.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final CachingConnectionFactory publishing;
    private final ServiceRegistration<Servlet> servlet;
    private final PlatformCounters counters = new PlatformCounters();

    @Activate
    public PlatformComponent(BundleContext bundleContext, PlatformConfig config,
                             @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                             @Reference StoreRegistry stores) throws Exception {
        // First, so that a bad configuration fails activation before anything is started.
        PlatformSettings settings = PlatformSettings.from(config);
        Clock clock = Clock.systemUTC();
        publishing = new CachingConnectionFactory(connectionFactory);
        publishing.setSessionCacheSize(32);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-pos-platform");
        camel.addComponent("jms", JmsComponent.jmsComponent(publishing));
        camel.addRoutes(new PlatformRoutes(new ShopifyWebhook(settings, stores, clock),
                new SquareWebhook(settings, stores, clock, counters), PlatformRoutes.publishUri(), counters));
        camel.start();
        producer = camel.createProducerTemplate();

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", WebhooksServlet.PATTERN);
        properties.put("osgi.http.whiteboard.servlet.name", "storelink-pos-platform");
        servlet = bundleContext.registerService(Servlet.class, new WebhooksServlet(producer), properties);
        LOG.info("POS platform webhooks ready: {}", settings);
    }

    @Deactivate
    void deactivate() throws Exception {
        LOG.info("POS platform webhooks stopping; counts since activation: {}", counters.snapshot());
        servlet.unregister();
        producer.close();
        camel.close();
        publishing.destroy();
    }
}
