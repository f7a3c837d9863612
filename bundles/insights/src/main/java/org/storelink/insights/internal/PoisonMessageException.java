package org.storelink.insights.internal;

/** A message no delivery can process: it is dead-lettered at once, with this as the reason. */
public final class PoisonMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
