package org.storelink.wholesale;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * How much of a store's purchasing went through the platform in a month, against the share the store committed to
 * (its sourcing commitment). Other modules, such as branding eligibility, read it; the wholesale bundle keeps it.
 */
public interface SourcingShares {

    /** The store's share for the month (in the store's own time zone); empty for an unknown store. */
    Optional<SourcingShare> share(String storeId, YearMonth month);

    /** The stores of the region whose actual share in the month is below their contracted share, by store id. */
    List<SourcingShare> belowCommitment(String regionId, YearMonth month);
}
