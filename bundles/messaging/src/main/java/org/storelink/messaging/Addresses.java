package org.storelink.messaging;

/**
 * Broker address names, in one place. Addresses are {@code storelink.<domain>.<event>}, multicast, with one
 * durable queue per consuming module; a module consumes its queue by its fully qualified name.
 */
public final class Addresses {

    /** A sale accepted by an adapter, as a {@code SaleRecorded} JSON event. */
    public static final String SALES_RECORDED = "storelink.sales.recorded";

    /** Where messages that cannot be processed end, with the reason in {@link DeadLetterHeaders}. */
    public static final String DEAD_LETTER = "storelink.dlq";

    /** Artemis's property for broker-side duplicate detection. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

    private Addresses() {
    }

    /** The fully qualified queue name {@code address::queue} that lets a consumer read one module's queue. */
    public static String fqqn(String address, String queue) {
        return address + "::" + queue;
    }
}
