package org.storelink.recommend.internal;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongFunction;

import org.storelink.recommend.Elasticity;

/**
 * Turns a price band, the store's own price, an elasticity and a wholesale cost into one suggested shelf price.
 *
 * <ol>
 *   <li>Start from the store's own price pulled into the band (to {@code p25} from below, to {@code p75} from
 *       above), or the band's median when the store does not sell the product yet.</li>
 *   <li>Where the elasticity is significant ({@link Elasticity#significant()}): elastic demand (slope below -1) with
 *       a known cost gives the profit-maximising price under constant elasticity, {@code cost * e / (1 + e)}
 *       (the Lerner markup rule), kept within the band; inelastic demand (slope between -1 and 0) means a higher
 *       price loses fewer units than it gains per unit, so the suggestion is the band's {@code p75}.</li>
 *   <li>Never below the known wholesale cost, and never below one minor unit.</li>
 * </ol>
 */
public final class PriceAdvisor {

    public record Advice(long suggested, String reason) {
    }

    private PriceAdvisor() {
    }

    /**
     * @param format how to show a price in minor units to a person (with its currency)
     * @param weeks the weeks the band covers, for the reason
     */
    public static Advice advise(PriceQuartiles band, OptionalLong current, OptionalLong cost, Elasticity elasticity,
                                int weeks, LongFunction<String> format) {
        long suggested;
        StringBuilder reason = new StringBuilder();
        String bandText = "band " + format.apply(band.p25()) + " - " + format.apply(band.p75()) + " (median "
                + format.apply(band.median()) + ") in similar stores over " + weeks + " weeks";
        if (current.isEmpty()) {
            suggested = band.median();
            reason.append("not sold here yet: the median of the ").append(bandText);
        } else if (current.getAsLong() < band.p25()) {
            suggested = band.p25();
            reason.append("your price ").append(format.apply(current.getAsLong())).append(" is below the ")
                    .append(bandText).append(": raise it to the lower quartile");
        } else if (current.getAsLong() > band.p75()) {
            suggested = band.p75();
            reason.append("your price ").append(format.apply(current.getAsLong())).append(" is above the ")
                    .append(bandText).append(": lower it to the upper quartile");
        } else {
            suggested = current.getAsLong();
            reason.append("your price is within the ").append(bandText).append(": keep it");
        }
        if (elasticity != null && elasticity.significant()) {
            String fitted = "elasticity " + elasticity;
            if (elasticity.slope() < -1 && cost.isPresent()) {
                double e = elasticity.slope();
                long optimal = Math.round(cost.getAsLong() * e / (1 + e));
                long clamped = Math.max(band.p25(), Math.min(band.p75(), optimal));
                suggested = clamped;
                reason.append("; ").append(fitted).append(": the profit-maximising price at cost ")
                        .append(format.apply(cost.getAsLong())).append(" is ").append(format.apply(optimal))
                        .append(clamped != optimal ? ", kept within the band" : "");
            } else if (elasticity.slope() >= -1) {
                suggested = Math.max(suggested, band.p75());
                reason.append("; ").append(fitted).append(": demand is inelastic, so the upper quartile");
            } else {
                reason.append("; ").append(fitted).append(": demand is elastic; with no wholesale cost known the band"
                        + " decides");
            }
        } else if (elasticity != null) {
            reason.append(String.format(Locale.ROOT, "; elasticity %s is not significant, not used", elasticity));
        }
        if (cost.isPresent() && suggested < cost.getAsLong()) {
            suggested = cost.getAsLong();
            reason.append("; raised to the wholesale cost ").append(format.apply(cost.getAsLong()));
        }
        if (suggested < 1) {
            suggested = 1;
        }
        return new Advice(suggested, reason.toString());
    }
}
