package org.storelink.baskets;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the baskets of a store or a region come from (the sales ledger, say). Register an implementation as an OSGi
 * service and {@code storelink:basket-rules STORE|REGION} mines its baskets.
 */
public interface BasketSource {

    /**
     * The baskets (one list of item labels per sale) of a store or a region.
     *
     * @param storeOrRegion a store id or a region name
     * @param from first business day, inclusive; {@code null} for no lower bound
     * @param to last business day, inclusive; {@code null} for no upper bound
     * @return the baskets, possibly none; empty when the store or region is unknown
     */
    Optional<List<List<String>>> baskets(String storeOrRegion, LocalDate from, LocalDate to);
}
