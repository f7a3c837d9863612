/**
 * The canonical retail domain shared by every storelink bundle: sales as received from the tills,
 * stores, products, and exact money in integer minor units.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.model;
