package org.storelink.recommend.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink recommend sales history",
        description = "The recommend module's consumer of recorded sales (queue recommend.sales), for every region.")
public @interface HistoryConfig {

    @AttributeDefinition(min = "1", description = "Deliveries of one message before the route dead-letters it with"
            + " the reason; keep it below the broker's max-delivery-attempts for storelink.# addresses.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of the recommend.sales queue.")
    int concurrentConsumers() default 1;
}
