package org.storelink.delivery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink delivery", description = "Delivery riders for stores' customer orders.")
public @interface DeliveryConfig {
    String PID = "org.storelink.delivery";

    @AttributeDefinition(description = "Each region's default fleet partner, used when a request names no fleet:"
            + " comma-separated region=partnerId, such as east=swift-riders, west=go-fleet.")
    String fleets() default "";

    @AttributeDefinition(min = "1", description = "Seconds between passes of the outbox dispatcher; a new request"
            + " is also dispatched at once.")
    int dispatch_interval_seconds() default 5;

    @AttributeDefinition(min = "1", description = "Deliveries of one status message before a route dead-letters"
            + " it; keep it below the broker's max-delivery-attempts.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "0", description = "Seconds a fleet's clock may be off: how far a status time may"
            + " lie in the future, or before the current status's time.")
    int clock_skew_seconds() default 300;
}
