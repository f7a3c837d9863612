package org.storelink.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The demo network, {@code etc/org.storelink.demo.cfg}. Keys are the method names with {@code _} read as {@code .}
 * ({@code sales_per_store_day} is {@code sales.per.store.day}).
 */
@ObjectClassDefinition(name = "storelink demo network",
        description = "Demo stores, a catalogue, weeks of sales history through the webhook, then live sales.")
public @interface DemoConfig {

    @AttributeDefinition(description = "Whether the demo runs at all.")
    boolean enabled() default true;

    @AttributeDefinition(min = "1", max = "9999", description = "Stores in the demo network, spread over the"
            + " regions demo-east, demo-south and demo-west.")
    int stores() default 300;

    @AttributeDefinition(description = "Seed of the network and its sales: the same seed gives the same stores,"
            + " products and receipts.")
    long seed() default 20261126L;

    @AttributeDefinition(min = "1", max = "52", description = "Weeks of sales history up to today; 4 covers the"
            + " recommend module's default horizon.")
    int weeks() default 4;

    @AttributeDefinition(min = "0.01", description = "Mean sales per store and day in the history (about 2.5"
            + " lines each).")
    double sales_per_store_day() default 2;

    @AttributeDefinition(min = "0.01", description = "At most this many sales posted per second; near what the"
            + " platform's consumers store per second, so that the history is stored as soon as it is posted.")
    double rate() default 400;

    @AttributeDefinition(min = "1", max = "256", description = "At most this many requests in flight.")
    int concurrency() default 16;

    @AttributeDefinition(min = "0", description = "Live sales per minute once the history is in; 0 for none.")
    double live_per_minute() default 30;

    @AttributeDefinition(required = false, description = "A Groceries item list (labels, level2) to take product"
            + " labels from; empty means ${storelink.sharedData}/groceries/groceries_items.csv when that system"
            + " property is set, else the built-in catalogue.")
    String catalogue_file() default "";

    @AttributeDefinition(required = false, description = "Where the webhook listens, such as"
            + " http://localhost:8181; empty means localhost on Pax Web's org.osgi.service.http.port.")
    String endpoint() default "";
}
