package org.storelink.recommend;

import java.util.OptionalLong;

/**
 * What a store pays for a product, offered by whoever knows it (a wholesale module, a supplier feed). Several may
 * be registered; the highest known cost is the floor of a suggested price. A region's configuration can also
 * state costs ({@code wholesale.costs}).
 */
public interface WholesaleCosts {

    /**
     * The unit cost in minor units of {@code currency}, if known.
     *
     * @param gtin the 14-digit GTIN
     */
    OptionalLong unitCost(String storeId, String gtin, String currency);
}
