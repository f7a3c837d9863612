package org.storelink.reconciliation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.storelink.reconciliation}; an underscore in a method name is a dot in the key. */
@ObjectClassDefinition(name = "storelink reconciliation",
        description = "Ties payments to POS sales and bank settlements to payments, per store and business day.")
public @interface ReconciliationConfig {

    @AttributeDefinition(min = "0",
            description = "How far apart a sale and a payment of the same amount may be to match without reference.")
    int match_window_minutes() default 10;

    @AttributeDefinition(min = "0",
            description = "Days a payment may wait for its bank entry before it is reported as not settled.")
    int settlement_lag_days() default 3;

    @AttributeDefinition(min = "1",
            description = "Days around a business day within which its payouts are looked for.")
    int settlement_horizon_days() default 14;

    @AttributeDefinition(min = "1",
            description = "Minutes between scheduled runs over recently closed business days.")
    int schedule_minutes() default 15;

    @AttributeDefinition(min = "0",
            description = "Minutes after a business day's end before the schedule reconciles it.")
    int close_grace_minutes() default 60;

    @AttributeDefinition(min = "1",
            description = "How many closed business days back the schedule keeps reconciling.")
    int lookback_days() default 7;

    @AttributeDefinition(min = "1", description = "Deliveries of one message before the route dead-letters it with"
            + " the reason; keep it below the broker's max-delivery-attempts for storelink.# addresses.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of each of the three queues.")
    int concurrentConsumers() default 1;
}
