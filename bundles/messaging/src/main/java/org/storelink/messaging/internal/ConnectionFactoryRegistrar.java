package org.storelink.messaging.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a JMS connection factory ({@code name=storelink}) to route bundles once the embedded broker has started
 * and the JAAS realm it authenticates against is up, so no route connects before it can log in.
 */
@Component(immediate = true, configurationPid = MessagingConfig.PID)
@Designate(ocd = MessagingConfig.class)
public final class ConnectionFactoryRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFactoryRegistrar.class);

    private final ServiceRegistration<ConnectionFactory> registration;

    /** Only an ordering constraint: the broker authenticates users against Karaf's realm. Dynamic, so a
     *  re-registered realm does not restart every route. */
    @Reference(policy = ReferencePolicy.DYNAMIC)
    private volatile JaasRealm realm;

    @Activate
    public ConnectionFactoryRegistrar(BundleContext context, MessagingConfig config,
                                      @Reference BrokerUsers users, @Reference ActiveMQServer broker) {
        String url = config.brokerUrl().isBlank()
                ? "amqp://localhost:" + System.getProperty("storelink.broker.amqp.port", "5672")
                : config.brokerUrl();
        JmsConnectionFactory factory = new JmsConnectionFactory(users.serviceUser(), users.servicePassword(), url);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "storelink");
        properties.put("storelink.broker", broker.getConfiguration().getName());
        registration = context.registerService(ConnectionFactory.class, factory, properties);
        LOG.info("JMS connection factory for {} offered as user {}", url, users.serviceUser());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
