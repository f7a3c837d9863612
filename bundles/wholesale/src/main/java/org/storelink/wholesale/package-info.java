/**
 * Central wholesale ordering. {@link org.storelink.wholesale.WholesaleOrdering} is what the console, the REST
 * resources and other modules use to read replenishment suggestions, confirm store orders, record stock counts,
 * deliveries and purchases, and run the cut-off; {@link org.storelink.wholesale.SourcingShares} tells how much of a
 * store's purchasing went through the platform in a month, against the share it committed to.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.wholesale;
