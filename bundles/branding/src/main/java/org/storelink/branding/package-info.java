/**
 * The regional branding module's API: a store's shelf labels and storefront sign in its region's branding pack
 * ({@link org.storelink.branding.Branding}, {@link org.storelink.branding.RegionalBranding}), and where the products
 * and prices on the labels come from ({@link org.storelink.branding.ShelfItems}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.branding;
