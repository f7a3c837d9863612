package org.storelink.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink ledger", description = "The ledger's consumer of recorded sales.")
public @interface LedgerConfig {

    @AttributeDefinition(min = "1", description = "Deliveries of one message before the route dead-letters it with"
            + " the reason; keep it below the broker's max-delivery-attempts for storelink.# addresses.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of the ledger's queue.")
    int concurrentConsumers() default 2;
}
