package org.storelink.wholesale.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink wholesale", description = "Central wholesale ordering and the sourcing"
        + " commitment.")
public @interface WholesaleConfig {
    String PID = "org.storelink.wholesale";

    @AttributeDefinition(name = "cutoff.cron", description = "When confirmed orders are cut off into purchase"
            + " orders: a Quartz-style cron expression (second minute hour day-of-month month day-of-week [year]),"
            + " or 'off'.")
    String cutoff_cron() default "0 0 18 * * ?";

    @AttributeDefinition(name = "cutoff.zone", description = "The time zone the cron expression is read in and"
            + " purchase orders are dated in.")
    String cutoff_zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Cycle service level of the safety stock, above 0.5 and below 1; 0.95 gives"
            + " z = 1.645.")
    String serviceLevel() default "0.95";

    @AttributeDefinition(description = "Days of demand the order-up-to target covers beyond the reorder point.")
    int reviewPeriodDays() default 7;

    @AttributeDefinition(description = "Business days of sales history the demand is estimated from.")
    int historyDays() default 28;

    @AttributeDefinition(name = "buyer.id", description = "storelink's party id in purchase orders (a GLN, say);"
            + " also the EDIFACT interchange sender.")
    String buyer_id() default "storelink";

    @AttributeDefinition(name = "buyer.name", description = "storelink's name in purchase orders.")
    String buyer_name() default "storelink";

    @AttributeDefinition(description = "The suppliers file; relative to ${karaf.etc}.")
    String suppliersFile() default "storelink-suppliers.json";

    @AttributeDefinition(description = "The contracted sourcing shares file; relative to ${karaf.etc}.")
    String sourcingFile() default "storelink-sourcing.json";

    @AttributeDefinition(min = "1", description = "Deliveries of one message before it is dead-lettered.")
    int maxDeliveryAttempts() default 5;

    @AttributeDefinition(min = "1", max = "64", description = "Consumers of the sales queue.")
    int concurrentConsumers() default 1;
}
