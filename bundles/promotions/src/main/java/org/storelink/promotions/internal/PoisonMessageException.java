package org.storelink.promotions.internal;

/** A message that can never be processed, however often it is delivered: it goes to the dead-letter queue at once. */
public class PoisonMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
