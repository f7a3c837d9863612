package org.storelink.statements.internal;

import org.storelink.model.SettlementRecorded;

/** Sends one event durably; when it returns, the broker has it. */
interface SettlementPublisher {

    /** @throws RuntimeException if the broker did not take it */
    void publish(SettlementRecorded event);
}
