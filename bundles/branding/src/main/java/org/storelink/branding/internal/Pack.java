package org.storelink.branding.internal;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.storelink.model.AreaProfile;

/**
 * A validated branding pack: what {@link PackLoader} made of a {@code pack.json} and the files it names.
 *
 * @param origin where it was loaded from, for messages ({@code /opt/karaf/etc/branding/east}, {@code built-in
 *     default})
 */
public record Pack(String origin, String name, Colours colours, Font font, Logo logo, LabelTemplate label,
        SignTemplate sign, Optional<String> tagline, Rules rules) {

    /** Each {@code #rrggbb}, lower case. */
    public record Colours(String primary, String secondary, String text) {
    }

    /** @param ttf the TrueType file's bytes, when the pack ships one (PDF output embeds a subset of it) */
    public record Font(String family, Optional<String> file, Optional<byte[]> ttf) {
    }

    /** At least one of the two; SVG output prefers the SVG, PDF output needs the PNG. */
    public record Logo(Optional<byte[]> svg, Optional<byte[]> png, Optional<BufferedImage> image) {
    }

    /**
     * @param minSourcingShare the pack's own minimum share of purchases through the platform (0..1), if any; the
     *     higher of it and the region's {@code min.sourcing.share} applies
     * @param areas the area profiles whose stores may carry the pack; empty for all
     */
    public record Rules(Optional<BigDecimal> minSourcingShare, Set<AreaProfile> areas) {
    }
}
