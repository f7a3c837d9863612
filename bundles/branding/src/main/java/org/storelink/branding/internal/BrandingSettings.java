package org.storelink.branding.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A region's validated configuration.
 *
 * @param packDir the pack's folder, or empty for the pack built into the bundle
 * @param sourcingShares known shares per store id, 0..1
 */
public record BrandingSettings(String region, String pid, Optional<Path> packDir, BigDecimal minSourcingShare,
        Map<String, BigDecimal> sourcingShares, double labelWidthMm, double labelHeightMm, PriceFormat priceFormat) {

    public BrandingSettings {
        sourcingShares = Map.copyOf(sourcingShares);
    }

    public PackSource packSource() {
        return packDir.map(PackSource::folder).orElseGet(() -> PackSource.builtIn(PackLoader.DEFAULT_PACK));
    }

    /** The file an operator edits, for messages. */
    public String configFile() {
        String name = BrandingConfigValidator.configurationName(pid).orElse(region);
        return "etc/" + BrandingConfigValidator.FACTORY_PID + "-" + name + ".cfg";
    }
}
