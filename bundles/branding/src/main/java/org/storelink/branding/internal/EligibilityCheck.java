package org.storelink.branding.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

import org.storelink.branding.Eligibility;
import org.storelink.model.Store;

/**
 * Whether a store may carry the region's branding: its area profile must be one the pack is for, and its share of
 * purchases through the platform must reach the higher of the region's {@code min.sourcing.share} and the pack's
 * {@code eligibility.minSourcingShare}. No source of sourcing shares exists yet: a store without a configured share
 * counts as 0, and the reason says so.
 */
public final class EligibilityCheck {

    private EligibilityCheck() {
    }

    public static Eligibility check(Store store, BrandingSettings settings, Pack pack) {
        BigDecimal configured = settings.sourcingShares().get(store.id());
        boolean known = configured != null;
        BigDecimal share = known ? configured : BigDecimal.ZERO;
        BigDecimal regional = settings.minSourcingShare();
        BigDecimal fromPack = pack.rules().minSourcingShare().orElse(BigDecimal.ZERO);
        boolean packRules = fromPack.compareTo(regional) > 0;
        BigDecimal required = packRules ? fromPack : regional;
        String requirer = packRules ? "branding pack \"" + pack.name() + "\"" : "region " + settings.region();

        if (!pack.rules().areas().isEmpty() && (store.area() == null || !pack.rules().areas().contains(store.area()))) {
            String areas = pack.rules().areas().stream().map(a -> a.label()).sorted().collect(Collectors.joining(", "));
            String reason = store.id() + " is " + (store.area() == null ? "a store without an area profile"
                    : article(store.area().label()) + " " + store.area().label() + "-area store") + "; branding pack \""
                    + pack.name() + "\" is for " + areas + " stores only";
            return new Eligibility(store.id(), false, share, known, required, reason);
        }
        String sources = store.id() + " sources " + percent(share) + " through the platform"
                + (known ? "" : " (no share known, counted as 0%: set sourcing.shares in " + settings.configFile() + ")");
        if (share.compareTo(required) < 0) {
            return new Eligibility(store.id(), false, share, known, required,
                    sources + ", " + requirer + " requires " + percent(required));
        }
        String reason = required.signum() == 0 ? sources + "; " + requirer + " requires no minimum share"
                : sources + ", " + requirer + " requires " + percent(required);
        return new Eligibility(store.id(), true, share, known, required, reason);
    }

    /** 0.35 is "35%", 0.125 is "12.5%". */
    static String percent(BigDecimal share) {
        BigDecimal percent = share.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.toLowerCase(Locale.ROOT).charAt(0)) >= 0 ? "an" : "a";
    }
}
