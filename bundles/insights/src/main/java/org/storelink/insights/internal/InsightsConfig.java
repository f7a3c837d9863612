package org.storelink.insights.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink insights",
        description = "Per-store insights: the consumers that keep the rollups, and the privacy threshold k.")
public @interface InsightsConfig {
    String PID = "org.storelink.insights";

    @AttributeDefinition(name = "k", min = "2", description = "The fewest distinct customers a group must have to be"
            + " shown in a breakdown by customer attribute (age band, repeat customers); smaller groups are shown as"
            + " suppressed. Values below 2 are refused.")
    int k() default 5;

    @AttributeDefinition(min = "1", description = "Deliveries of one message before the route dead-letters it with"
            + " the reason; keep it below the broker's max-delivery-attempts for storelink.# addresses.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of each of the insights queues.")
    int concurrentConsumers() default 1;
}
