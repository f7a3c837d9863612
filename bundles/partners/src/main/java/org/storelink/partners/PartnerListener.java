package org.storelink.partners;

/**
 * Whiteboard listener: register an implementation as an OSGi service to hear of partners. A listener is told of
 * every partner once: on registration of each that exists, then of each new one as it is added, so it never misses
 * one between reading the registry and registering. A partner is announced only once its principal, addresses and
 * security settings are in place. Calls come on the thread that changed the registry; keep them short.
 */
public interface PartnerListener {

    void partnerAdded(Partner partner);

    /** The partner's principal, addresses and queues are gone. */
    default void partnerRemoved(Partner partner) {
    }
}
