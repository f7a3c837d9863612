package org.storelink.promotions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink promotions",
        description = "Brand promotions: catalog and sales consumers, and the scheduled reports to brands.")
public @interface PromotionsConfig {
    String PID = "org.storelink.promotions";

    @AttributeDefinition(name = "report.minutes", min = "1", max = "10080", description = "Minutes per report"
            + " period; each brand gets one promotion-report per promotion and period (periods aligned to the"
            + " epoch, so 60 is whole UTC hours).")
    int report_minutes() default 60;

    @AttributeDefinition(min = "1", description = "Deliveries of one message before the route dead-letters it with"
            + " the reason; keep it below the broker's max-delivery-attempts.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of promotions.sales.")
    int concurrentConsumers() default 1;
}
