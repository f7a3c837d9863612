package org.storelink.reconciliation.internal;

import org.storelink.model.Discrepancy;

/** Sends one discrepancy event; returns when the broker has it, throws when it could not be sent. */
@FunctionalInterface
interface DiscrepancyPublisher {
    void publish(Discrepancy discrepancy) throws Exception;
}
