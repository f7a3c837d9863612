package org.storelink.demo.internal;

import java.time.ZoneId;

import org.storelink.model.AreaProfile;
import org.storelink.model.Coordinates;

/**
 * A store of the demo network and what it sells.
 *
 * @param size how busy it is compared with an average store (mean about 1)
 * @param tills how many tills it has; sales are spread over them
 * @param assortment indexes into the catalogue of the products it carries
 * @param weights how likely a basket line is each carried product, cumulative, the last being 1
 * @param prices its shelf price of each carried product, in fen (per kg for goods sold by weight)
 */
record DemoStore(String id, String name, String region, String city, AreaProfile area, ZoneId zone,
                 Coordinates coordinates, double size, int tills, int[] assortment, double[] weights,
                 long[] prices) {
}
