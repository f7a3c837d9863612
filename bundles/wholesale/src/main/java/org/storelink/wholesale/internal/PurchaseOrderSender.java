package org.storelink.wholesale.internal;

/** Delivers a purchase order document over the supplier's channel; throws with the reason when it cannot. */
@FunctionalInterface
interface PurchaseOrderSender {

    void send(PurchaseOrder order, Supplier supplier, byte[] document) throws Exception;
}
