/**
 * The regional recommendation module's API: what to stock ({@link org.storelink.recommend.AssortmentRecommendation})
 * and how to price it ({@link org.storelink.recommend.PriceSuggestion}), per region, and the wholesale costs that
 * floor a suggested price.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.recommend;
