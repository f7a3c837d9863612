package org.storelink.branding;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Branding for any store, answered by the {@link RegionalBranding} of the store's region. Every per-store method
 * throws {@link BrandingNotEnabledException} ("branding is not enabled in region X") when the store's region has no
 * active instance, and {@link IllegalArgumentException} for an unknown store.
 */
public interface Branding {

    /** The instance of the store's region. */
    RegionalBranding forStore(String storeId);

    Eligibility eligibility(String storeId);

    RenderResult labelsPdf(String storeId, OutputStream out) throws IOException;

    List<LabelSvg> labelsSvg(String storeId);

    RenderResult signSvg(String storeId, OutputStream out) throws IOException;

    RenderResult signPdf(String storeId, OutputStream out) throws IOException;

    /** The region's active instance, if any. */
    Optional<RegionalBranding> region(String regionId);

    /** Regions with an active instance, ordered. */
    Set<String> enabledRegions();
}
