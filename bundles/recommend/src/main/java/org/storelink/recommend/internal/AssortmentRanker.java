package org.storelink.recommend.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks the products a store does not carry by how well they sell in similar stores of its region.
 *
 * <p>Similar stores: the {@code neighbours} most similar stores of the region, those of the same area profile first
 * (all of them, most similar first, while there is room), then the others; similarity is the cosine of the sales
 * mixes. A store with no sales yet has no mix, so every store counts as equally similar to it.
 *
 * <p>For a product carried (sold in the horizon) by at least {@code minStores} of the similar stores, with weights
 * {@code w} = similarity and {@code u} = mean weekly units:
 * <ul>
 *   <li>expected weekly units if stocked: {@code sum_carriers(w u) / sum_carriers(w)}, the similarity-weighted
 *       mean among stores carrying it;</li>
 *   <li>the ranking score ({@link Ranking#EXPECTED_UNITS}): {@code sum_carriers(w u) / sum_all(w)}, the same mean
 *       with the similar stores that do not carry it counted as selling zero. It is the expected weekly units in a
 *       similar store picked at random, so a product carried by 3 of 20 similar stores does not outrank one carried
 *       by 18 of 20 on the strength of three good shops. {@link Ranking#MEAN_AMONG_CARRIERS} ranks by the first
 *       figure instead; the offline evaluation compares both.</li>
 * </ul>
 */
public final class AssortmentRanker {

    public enum Ranking { EXPECTED_UNITS, MEAN_AMONG_CARRIERS }

    /** A similar store and its weight. */
    public record Neighbour(StoreMix store, double similarity, boolean sameArea) {
    }

    /**
     * A product to recommend.
     *
     * @param score the ranking key, see {@link AssortmentRanker}
     * @param sameAreaCarriers carriers among the similar stores of the target's own area profile
     */
    public record Candidate(String gtin, double score, double expectedWeeklyUnits, double medianWeeklyUnits,
            int carriers, int neighbours, int sameAreaCarriers, int sameAreaNeighbours) {
    }

    private final int neighbours;
    private final int minStores;
    private final Ranking ranking;

    public AssortmentRanker(int neighbours, int minStores, Ranking ranking) {
        if (neighbours < 1 || minStores < 1) {
            throw new IllegalArgumentException("neighbours and minStores must be at least 1");
        }
        this.neighbours = neighbours;
        this.minStores = minStores;
        this.ranking = ranking;
    }

    public AssortmentRanker(int neighbours, int minStores) {
        this(neighbours, minStores, Ranking.EXPECTED_UNITS);
    }

    /** The similar stores of {@code target} among {@code stores} (the target itself is skipped), in order. */
    public List<Neighbour> neighbours(StoreMix target, Collection<StoreMix> stores) {
        boolean noMix = target.norm() == 0;
        List<Neighbour> all = new ArrayList<>();
        for (StoreMix store : stores) {
            if (store.storeId().equals(target.storeId())) {
                continue;
            }
            double similarity = noMix ? 1.0 : target.cosine(store);
            all.add(new Neighbour(store, similarity,
                    target.area() != null && target.area().equals(store.area())));
        }
        all.sort(Comparator.comparing((Neighbour n) -> !n.sameArea())
                .thenComparing(Comparator.comparingDouble(Neighbour::similarity).reversed())
                .thenComparing(n -> n.store().storeId()));
        return List.copyOf(all.subList(0, Math.min(neighbours, all.size())));
    }

    /** At most {@code top} products {@code target} does not carry, best first. */
    public List<Candidate> rank(StoreMix target, Collection<StoreMix> stores, int top) {
        List<Neighbour> similar = neighbours(target, stores);
        double totalWeight = 0;
        int sameAreaNeighbours = 0;
        Set<String> products = new LinkedHashSet<>();
        for (Neighbour neighbour : similar) {
            totalWeight += neighbour.similarity();
            sameAreaNeighbours += neighbour.sameArea() ? 1 : 0;
            products.addAll(neighbour.store().weeklyUnits().keySet());
        }
        // no similarity at all (nothing in common): fall back to equal weights rather than to no answer
        boolean equalWeights = totalWeight <= 0;
        if (equalWeights) {
            totalWeight = similar.size();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String gtin : products) {
            if (target.carries(gtin)) {
                continue;
            }
            double weightedUnits = 0;
            double carrierWeight = 0;
            int sameAreaCarriers = 0;
            List<Double> units = new ArrayList<>();
            for (Neighbour neighbour : similar) {
                if (!neighbour.store().carries(gtin)) {
                    continue;
                }
                double weight = equalWeights ? 1.0 : neighbour.similarity();
                double sold = neighbour.store().units(gtin);
                weightedUnits += weight * sold;
                carrierWeight += weight;
                units.add(sold);
                sameAreaCarriers += neighbour.sameArea() ? 1 : 0;
            }
            if (units.size() < minStores || units.isEmpty()) {
                continue;
            }
            double expected = carrierWeight > 0 ? weightedUnits / carrierWeight : mean(units);
            double score = ranking == Ranking.EXPECTED_UNITS ? weightedUnits / totalWeight : expected;
            candidates.add(new Candidate(gtin, score, expected, median(units), units.size(), similar.size(),
                    sameAreaCarriers, sameAreaNeighbours));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::carriers).reversed())
                .thenComparing(Candidate::gtin));
        return List.copyOf(candidates.subList(0, Math.min(Math.max(top, 0), candidates.size())));
    }

    /**
     * For a person: {@code sold by 34 of 40 student-area stores in region east, median 12 units/week}, naming the
     * other similar stores separately when some are of another area profile.
     */
    public static String reason(Candidate candidate, String area, String region) {
        StringBuilder text = new StringBuilder("sold by ");
        int others = candidate.neighbours() - candidate.sameAreaNeighbours();
        int otherCarriers = candidate.carriers() - candidate.sameAreaCarriers();
        if (candidate.sameAreaNeighbours() > 0) {
            text.append(candidate.sameAreaCarriers()).append(" of ").append(candidate.sameAreaNeighbours())
                    .append(' ').append(area).append("-area stores");
            if (others > 0) {
                text.append(" and ").append(otherCarriers).append(" of ").append(others).append(" other similar stores");
            }
        } else {
            text.append(otherCarriers).append(" of ").append(others).append(" similar stores");
        }
        text.append(" in region ").append(region).append(", median ").append(units(candidate.medianWeeklyUnits()))
                .append(" units/week (similarity-weighted ").append(units(candidate.expectedWeeklyUnits()))
                .append(" where stocked)");
        return text.toString();
    }

    static String units(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
