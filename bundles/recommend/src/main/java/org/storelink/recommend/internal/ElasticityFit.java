package org.storelink.recommend.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.storelink.recommend.Elasticity;

/**
 * Ordinary least squares of {@code ln(units)} on {@code ln(price)}: the slope is the price elasticity of demand.
 * Observations are store x week x price (units sold in that week at that price), pooled across stores, so the
 * estimate mixes the variation between stores with the variation over time; its standard error and R² say how
 * much to trust it.
 */
public final class ElasticityFit {

    /** Units sold in one store and week at one unit price (minor units). */
    public record Observation(long unitPrice, double units) {
    }

    private ElasticityFit() {
    }

    /**
     * Empty when fewer than {@code minDistinctPrices} different prices (or fewer than 3 usable observations) are
     * there to fit: a line through one or two prices says nothing reliable.
     */
    public static Optional<Elasticity> fit(Collection<Observation> observations, int minDistinctPrices) {
        int n = 0;
        double sumX = 0;
        double sumY = 0;
        Set<Long> prices = new HashSet<>();
        for (Observation observation : observations) {
            if (observation.unitPrice() > 0 && observation.units() > 0) {
                n++;
                sumX += Math.log(observation.unitPrice());
                sumY += Math.log(observation.units());
                prices.add(observation.unitPrice());
            }
        }
        if (n < 3 || prices.size() < Math.max(2, minDistinctPrices)) {
            return Optional.empty();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Observation observation : observations) {
            if (observation.unitPrice() > 0 && observation.units() > 0) {
                double dx = Math.log(observation.unitPrice()) - meanX;
                double dy = Math.log(observation.units()) - meanY;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double residual = Math.max(0, syy - slope * sxy);
        double standardError = Math.sqrt(residual / (n - 2) / sxx);
        double rSquared = syy == 0 ? 1 : 1 - residual / syy;
        return Optional.of(new Elasticity(slope, standardError, rSquared, n, prices.size()));
    }
}
