/**
 * Partner systems (brands, wholesalers, delivery fleets) and their broker addresses. A partner {@code <id>} logs in
 * to the broker as principal {@code <id>} and may only send to {@link org.storelink.partners.Partner#inAddress()
 * partner.<id>.in} and consume from {@link org.storelink.partners.Partner#outAddress() partner.<id>.out}. Other
 * modules read partners through {@link org.storelink.partners.PartnerRegistry} and learn of new ones by registering
 * a {@link org.storelink.partners.PartnerListener} service.
 */
package org.storelink.partners;
