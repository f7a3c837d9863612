package org.storelink.branding;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The branding module of one region, registered with the service property {@code region=<id>} for each active
 * {@code org.storelink.branding-<region>} configuration. Go through {@link Branding} to be told clearly when a
 * store's region has none.
 *
 * <p>Rendering methods throw {@link NotEligibleException} for a store that does not meet the region's rules, and
 * {@link IllegalArgumentException} for a store that is unknown or not in this region.
 */
public interface RegionalBranding {

    /** The service property naming the region. */
    String REGION_PROPERTY = "region";

    String region();

    /** The name of the branding pack in use. */
    String packName();

    Eligibility eligibility(String storeId);

    /** The store's shelf labels laid out in a grid on A4 pages. */
    RenderResult labelsPdf(String storeId, OutputStream out) throws IOException;

    /** The store's shelf labels, one SVG document each. */
    List<LabelSvg> labelsSvg(String storeId);

    /** The storefront sign as SVG. */
    RenderResult signSvg(String storeId, OutputStream out) throws IOException;

    /** The storefront sign as a one-page PDF of the sign's size. */
    RenderResult signPdf(String storeId, OutputStream out) throws IOException;
}
