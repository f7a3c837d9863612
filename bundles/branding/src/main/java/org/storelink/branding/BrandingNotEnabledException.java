package org.storelink.branding;

/** The store's region has no active branding configuration ({@code etc/org.storelink.branding-<region>.cfg}). */
public final class BrandingNotEnabledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String region;

    public BrandingNotEnabledException(String region) {
        super("branding is not enabled in region " + region);
        this.region = region;
    }

    public String region() {
        return region;
    }
}
