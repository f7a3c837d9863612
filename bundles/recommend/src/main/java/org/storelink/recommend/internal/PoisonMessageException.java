package org.storelink.recommend.internal;

/** A message that no number of deliveries will make storable: it is dead-lettered at once with the reason. */
public final class PoisonMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
