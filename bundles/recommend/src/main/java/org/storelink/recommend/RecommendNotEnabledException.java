package org.storelink.recommend;

/** The store's region has no active recommend configuration ({@code etc/org.storelink.recommend-<region>.cfg}). */
public final class RecommendNotEnabledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String region;

    public RecommendNotEnabledException(String region) {
        super("recommend is not enabled in region " + region);
        this.region = region;
    }

    public String region() {
        return region;
    }
}
