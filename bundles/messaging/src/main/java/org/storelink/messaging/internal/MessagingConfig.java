package org.storelink.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink messaging", description = "How storelink's own routes reach the broker.")
public @interface MessagingConfig {

    String PID = "org.storelink.messaging";

    @AttributeDefinition(description = "Qpid JMS URL of the broker's AMQP acceptor; empty means the embedded broker,"
            + " amqp://localhost on the port of system property storelink.broker.amqp.port (5672).")
    String brokerUrl() default "";

    @AttributeDefinition(description = "Broker user of storelink's own routes; created at first start.")
    String serviceUser() default "storelink-service";
}
