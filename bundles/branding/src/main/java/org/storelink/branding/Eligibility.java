package org.storelink.branding;

import java.math.BigDecimal;

/**
 * Whether a store may carry its region's branding, and why.
 *
 * @param sourcingShare the store's share of purchases made through the platform (0..1); 0 when unknown
 * @param shareKnown whether the share was configured or is counted as 0 for want of a source
 * @param requiredShare the share the region's configuration and pack require
 * @param reason for people: why it is or is not eligible
 */
public record Eligibility(String storeId, boolean eligible, BigDecimal sourcingShare, boolean shareKnown,
        BigDecimal requiredShare, String reason) {
}
