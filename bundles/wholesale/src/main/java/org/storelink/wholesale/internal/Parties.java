package org.storelink.wholesale.internal;

/**
 * Who is named in the documents: the buyer (storelink, as configured) and the supplier.
 *
 * @param buyerId      the buyer's party id (a GLN, say), also the EDIFACT interchange sender
 * @param supplierId   the supplier's party id, also the EDIFACT interchange recipient
 * @param regionName   the delivery region's name, for the delivery party
 */
record Parties(String buyerId, String buyerName, String supplierId, String supplierName, String regionId,
               String regionName) {
}
