package org.storelink.pos.webhook.internal;

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
import org.springframework.jms.connection.CachingConnectionFactory;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.stores.StoreRegistry;

/** Runs the ingest route in the bundle's Camel context and offers its servlet on the HTTP whiteboard. */
@Component(immediate = true)
public final class WebhookComponent {
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final CachingConnectionFactory publishing;
    private final ServiceRegistration<Servlet> servlet;

    @Activate
    public WebhookComponent(BundleContext bundleContext,
                            @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory,
                            @Reference StoreRegistry stores) throws Exception {
        // Sessions and producers are reused across requests; each send is still a synchronous persistent send.
        publishing = new CachingConnectionFactory(connectionFactory);
        publishing.setSessionCacheSize(32);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-pos-webhook");
        camel.addComponent("jms", JmsComponent.jmsComponent(publishing));
        camel.addRoutes(new IngestRoutes(stores, IngestRoutes.publishUri(), Clock.systemUTC()));
        camel.start();
        producer = camel.createProducerTemplate();

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", SalesServlet.PATTERN);
        properties.put("osgi.http.whiteboard.servlet.name", "storelink-pos-webhook");
        servlet = bundleContext.registerService(Servlet.class, new SalesServlet(producer), properties);
    }

    @Deactivate
    void deactivate() throws Exception {
        servlet.unregister();
        producer.close();
        camel.close();
        publishing.destroy();
    }
}
