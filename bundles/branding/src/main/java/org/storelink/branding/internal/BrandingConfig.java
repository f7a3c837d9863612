package org.storelink.branding.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One region's branding module: {@code etc/org.storelink.branding-<region>.cfg}. Keys are the method names with
 * {@code _} read as {@code .} ({@code pack_dir} is {@code pack.dir}).
 */
@ObjectClassDefinition(name = "storelink branding (one per region)",
        description = "Shelf labels and storefront signs in the region's branding pack.")
public @interface BrandingConfig {

    @AttributeDefinition(description = "The region's id, as in etc/storelink-stores.json.")
    String region();

    @AttributeDefinition(required = false, description = "Folder holding the region's pack.json; when empty,"
            + " ${karaf.etc}/branding/<region> if it exists, else the pack built into the bundle.")
    String pack_dir() default "";

    @AttributeDefinition(min = "0", max = "1", description = "Share of a store's purchases that must go through the"
            + " platform for it to carry the branding, 0..1.")
    double min_sourcing_share() default 0.0;

    @AttributeDefinition(required = false, description = "Known sourcing shares per store, storeId=share (0..1),"
            + " e.g. sh-campus-001=0.35; a store not listed counts as 0.")
    String[] sourcing_shares() default {};

    @AttributeDefinition(description = "Shelf label size in mm, WIDTHxHEIGHT, laid out in a grid on A4 pages.")
    String label_size_mm() default "60x40";

    @AttributeDefinition(description = "How prices are written: currency code (CNY 7.00) or symbol (¥7.00).",
            options = {@Option(label = "code", value = "code"), @Option(label = "symbol", value = "symbol")})
    String currency_display() default "code";
}
