/**
 * Brand promotions: what a store may offer now ({@link org.storelink.promotions.Promotions#activeFor}), and how a
 * promotion did ({@link org.storelink.promotions.Promotions#report}). Money is integer minor units; times carry
 * their offsets.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.promotions;
