package org.storelink.partners;

import java.util.List;
import java.util.Optional;

/**
 * The partner systems storelink knows, kept across restarts. Read-only for other modules; partners are added and
 * removed with the {@code storelink:partner-*} commands. To hear of new partners, register a
 * {@link PartnerListener} service.
 */
public interface PartnerRegistry {

    /** All partners, ordered by id. */
    List<Partner> partners();

    Optional<Partner> find(String id);
}
