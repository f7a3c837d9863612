package org.storelink.recommend.internal;

import java.util.Map;
import java.util.Objects;

/**
 * What a store sells: mean weekly units per product (14-digit GTIN) over the horizon. Plain JDK types only, so the
 * ranking can run outside OSGi (the offline evaluation in benchmarks/ uses it as is).
 *
 * @param area the store's area profile label ({@code student}, {@code office}, ...)
 * @param weeklyUnits mean units per week by GTIN; a product the store carries has more than zero
 */
public record StoreMix(String storeId, String area, Map<String, Double> weeklyUnits) {

    public StoreMix {
        Objects.requireNonNull(storeId, "storeId");
        weeklyUnits = Map.copyOf(weeklyUnits);
    }

    public boolean carries(String gtin) {
        Double units = weeklyUnits.get(gtin);
        return units != null && units > 0;
    }

    public double units(String gtin) {
        Double units = weeklyUnits.get(gtin);
        return units == null || units < 0 ? 0 : units;
    }

    double norm() {
        double sum = 0;
        for (double units : weeklyUnits.values()) {
            if (units > 0) {
                sum += units * units;
            }
        }
        return Math.sqrt(sum);
    }

    /** Cosine similarity of the two sales mixes, 0 when either sells nothing. */
    public double cosine(StoreMix other) {
        double norms = norm() * other.norm();
        if (norms == 0) {
            return 0;
        }
        Map<String, Double> small = weeklyUnits.size() <= other.weeklyUnits.size() ? weeklyUnits : other.weeklyUnits;
        StoreMix large = small == weeklyUnits ? other : this;
        double dot = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            if (entry.getValue() > 0) {
                dot += entry.getValue() * large.units(entry.getKey());
            }
        }
        return dot / norms;
    }
}
