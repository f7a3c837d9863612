package org.storelink.messaging;

/**
 * Broker address names, in one place. Addresses are {@code storelink.<domain>.<event>}, multicast, with one
 * durable queue per consuming module; a module consumes its queue by its fully qualified name.
 */
public final class Addresses {

    /** A sale accepted by an adapter, as a {@code SaleRecorded} JSON event. */
    public static final String SALES_RECORDED = "storelink.sales.recorded";

    /** A verified payment notification, as a {@code PaymentRecorded} JSON event. */
    public static final String PAYMENTS_RECORDED = "storelink.payments.recorded";

    /** A bank statement entry, as a {@code SettlementRecorded} JSON event. */
    public static final String SETTLEMENTS_RECORDED = "storelink.settlements.recorded";

    /** A reconciliation finding that needs a person, as a {@code Discrepancy} JSON event. */
    public static final String RECONCILIATION_DISCREPANCY = "storelink.reconciliation.discrepancy";

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
