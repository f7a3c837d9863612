package org.storelink.messaging.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

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
 * and storelink's service user can log in to it, so no route or endpoint starts before it can. At a first start the
 * JAAS realm briefly compares passwords in clear (until its hashing configuration lands, see {@link JaasEncryption});
 * the factory is offered only after a real connection has authenticated.
 */
@Component(immediate = true, configurationPid = MessagingConfig.PID)
@Designate(ocd = MessagingConfig.class)
public final class ConnectionFactoryRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFactoryRegistrar.class);

    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(5);
    private static final long RETRY_MILLIS = 250;

    private final Thread offering;
    private volatile ServiceRegistration<ConnectionFactory> registration;

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
        offering = new Thread(() -> offerOnceLoggedIn(context, factory, properties, url, users.serviceUser()),
                "storelink-connection-factory");
        offering.setDaemon(true);
        offering.start();
    }

    private void offerOnceLoggedIn(BundleContext context, JmsConnectionFactory factory,
                                   Dictionary<String, Object> properties, String url, String user) {
        long deadline = System.nanoTime() + LOGIN_TIMEOUT.toNanos();
        int attempts = 0;
        while (!Thread.currentThread().isInterrupted()) {
            attempts++;
            try (Connection connection = factory.createConnection()) {
                connection.start();
                break;
            } catch (JMSException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error("User {} cannot log in to the broker at {} after {} attempts ({}); the connection factory"
                            + " is offered anyway, and routes will keep retrying", user, url, attempts, e.getMessage());
                    break;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        synchronized (this) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            registration = context.registerService(ConnectionFactory.class, factory, properties);
        }
        LOG.info("JMS connection factory for {} offered as user {} (logged in after {} attempt(s))", url, user,
                attempts);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        offering.interrupt();
        offering.join(10_000);
        synchronized (this) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
    }
}
