package org.storelink.reconciliation.internal;

/** A message that can never be processed, however often it is delivered: it goes to the dead-letter queue at once. */
public final class PoisonMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
