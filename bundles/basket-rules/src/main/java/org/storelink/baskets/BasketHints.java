package org.storelink.baskets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-sell suggestions and shelf-adjacency hints derived from a {@link MiningResult}: pure functions of the result,
 * stateless and thread safe.
 *
 * <p>Every comparison of lift or confidence is made exactly, on the basket counts ({@code lift = count x baskets /
 * (count(lhs) x count(rhs))}, {@code confidence = count / count(lhs)}), never on doubles, so equal measures tie and
 * the orders below are fully deterministic. The doubles in the returned records are the statistics only.
 *
 * <p>Only the result is read: its rules for {@link #crossSell}, its itemsets for both. Both methods read the whole
 * result once per call.
 */
public final class BasketHints {

    private BasketHints() {
    }

    /**
     * The products to offer to a basket holding {@code product}, from the mined rules whose left-hand side holds it.
     *
     * <ul>
     * <li>Candidates are the result's rules (so they reach its minimum support and confidence) whose left-hand side
     * contains {@code product} (labels compared exactly) and whose lift is above 1, that is
     * {@code count x baskets > count(lhs) x count(rhs)}: a rule with lift at most 1 does not make the offer more likely
     * than it is in any basket, so it suggests nothing.</li>
     * <li><em>Direct</em> suggestions come first: rules {@code {product} => {y}}, which apply to every basket holding the
     * product.</li>
     * <li><em>Conditional</em> suggestions follow: rules {@code {product, z...} => {y}} with more items on the left,
     * useful when the direct rule does not reach the minimum confidence (a very common product such as whole milk
     * predicts little on its own). They are given only for offers {@code y} with no direct suggestion, and only the best
     * rule per offer, by the order below; {@link CrossSellSuggestion#alsoInBasket()} names the other left-hand
     * items.</li>
     * <li>Within each group: lift, then confidence, then count, all descending; then fewer left-hand items; then the
     * other left-hand items as sorted label lists ({@link String#compareTo}, item by item, a prefix first); then the
     * offer's label.</li>
     * </ul>
     *
     * <p>The reason reads {@code bought in 34% of the baskets with green tea (lift 2.10, 58 baskets)}: the confidence as
     * a whole percentage rounded half up ({@code under 1%} when that gives 0), the left-hand side ({@code product}
     * first, then the others in the result's item order, joined with commas and a final {@code and}), the lift rounded
     * half up to two decimals, and the rule's count.
     *
     * @return the suggestions, direct ones first; empty when no rule qualifies (including when the product is in no
     *         frequent itemset)
     * @throws IllegalArgumentException when the result lacks the itemset count of a rule's left-hand side or right-hand
     *         item, which a consistent result never does
     */
    public static List<CrossSellSuggestion> crossSell(MiningResult result, String product) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(product, "product");
        long baskets = result.baskets();
        Map<String, Integer> single = new HashMap<>();
        Map<Set<String>, Integer> withProduct = new HashMap<>();
        for (FrequentItemset itemset : result.itemsets()) {
            if (itemset.items().size() == 1) {
                single.put(itemset.items().get(0), itemset.count());
            }
            if (itemset.items().contains(product)) {
                withProduct.put(Set.copyOf(itemset.items()), itemset.count());
            }
        }

        List<Candidate> direct = new ArrayList<>();
        Map<String, Candidate> conditional = new LinkedHashMap<>();
        for (AssociationRule rule : result.rules()) {
            if (!rule.lhs().contains(product)) {
                continue;
            }
            int lhsCount = count(withProduct, Set.copyOf(rule.lhs()), rule);
            int rhsCount = count(single, rule.rhs(), rule);
            if (baskets * rule.count() <= (long) lhsCount * rhsCount) {
                continue; // lift at most 1
            }
            List<String> others = new ArrayList<>(rule.lhs());
            others.remove(product);
            Candidate candidate = new Candidate(rule, others, sorted(others), lhsCount, rhsCount, baskets);
            if (others.isEmpty()) {
                direct.add(candidate);
            } else {
                conditional.merge(rule.rhs(), candidate, (a, b) -> CANDIDATES.compare(a, b) <= 0 ? a : b);
            }
        }
        direct.sort(CANDIDATES);
        Set<String> directOffers = new HashSet<>();
        direct.forEach(candidate -> directOffers.add(candidate.rule.rhs()));
        List<Candidate> rest = new ArrayList<>();
        for (Candidate candidate : conditional.values()) {
            if (!directOffers.contains(candidate.rule.rhs())) {
                rest.add(candidate);
            }
        }
        rest.sort(CANDIDATES);

        List<CrossSellSuggestion> suggestions = new ArrayList<>(direct.size() + rest.size());
        for (List<Candidate> group : List.of(direct, rest)) {
            for (Candidate c : group) {
                List<String> lhs = new ArrayList<>();
                lhs.add(product);
                lhs.addAll(c.others);
                String reason = "bought in " + percent(c.rule.count(), c.lhsCount) + " of the baskets with "
                        + sentence(lhs) + " (lift " + decimals(baskets * c.rule.count(), (long) c.lhsCount * c.rhsCount)
                        + ", " + c.rule.count() + (c.rule.count() == 1 ? " basket)" : " baskets)");
                suggestions.add(new CrossSellSuggestion(c.rule.rhs(), c.others, c.rule, c.lhsCount, reason));
            }
        }
        return List.copyOf(suggestions);
    }

    /**
     * Unordered product pairs bought together more often than chance, worth shelving next to each other.
     *
     * <ul>
     * <li>Candidates are the result's frequent itemsets of exactly two items, so they reach its minimum support; the
     * minimum confidence plays no part (both directions' confidences are reported instead). There are none when the
     * maximum itemset length is 1.</li>
     * <li>A pair is kept only when its lift is above 1, that is {@code count x baskets > count(a) x count(b)}. Lift 1
     * means the two are bought together exactly as often as chance predicts, below 1 less often: such pairs are not
     * associated and are left out.</li>
     * <li>Order: lift descending, then count (support) descending, then the two labels sorted
     * ({@link String#compareTo}), compared first label first, so the order does not depend on which item the itemset
     * lists first.</li>
     * </ul>
     *
     * <p>The reason reads {@code together in 58 of 9835 baskets; 34% of the baskets with a hold b, 21% of those with b
     * hold a (lift 2.10)}, percentages and lift rounded half up as in {@link #crossSell}.
     *
     * @return every such pair, best first
     * @throws IllegalArgumentException when the result lacks the count of a pair's single item, which a consistent
     *         result never does
     */
    public static List<AdjacencyHint> adjacency(MiningResult result) {
        Objects.requireNonNull(result, "result");
        long baskets = result.baskets();
        Map<String, Integer> single = new HashMap<>();
        List<FrequentItemset> pairs = new ArrayList<>();
        for (FrequentItemset itemset : result.itemsets()) {
            if (itemset.items().size() == 1) {
                single.put(itemset.items().get(0), itemset.count());
            } else if (itemset.items().size() == 2) {
                pairs.add(itemset);
            }
        }
        List<Pair> kept = new ArrayList<>();
        for (FrequentItemset pair : pairs) {
            String a = pair.items().get(0);
            String b = pair.items().get(1);
            Integer countA = single.get(a);
            Integer countB = single.get(b);
            if (countA == null || countB == null) {
                throw new IllegalArgumentException("the mining result has the pair {" + a + "," + b
                        + "} but not the count of " + (countA == null ? a : b));
            }
            if (baskets * pair.count() > (long) countA * countB) {
                boolean ordered = a.compareTo(b) <= 0;
                kept.add(new Pair(a, b, pair.count(), countA, countB, ordered ? a : b, ordered ? b : a));
            }
        }
        Comparator<Pair> byLift = (p, q) -> compareFractions(baskets * q.count, (long) q.countA * q.countB,
                baskets * p.count, (long) p.countA * p.countB);
        kept.sort(byLift.thenComparing((p, q) -> Integer.compare(q.count, p.count))
                .thenComparing(Pair::low)
                .thenComparing(Pair::high));

        List<AdjacencyHint> hints = new ArrayList<>(kept.size());
        for (Pair p : kept) {
            double confidenceAB = (double) p.count / p.countA;
            double confidenceBA = (double) p.count / p.countB;
            // the miner's order of operations for the lift of {a} => {b}
            double lift = confidenceAB * baskets / p.countB;
            String reason = "together in " + p.count + " of " + baskets + " baskets; " + percent(p.count, p.countA)
                    + " of the baskets with " + p.a + " hold " + p.b + ", " + percent(p.count, p.countB)
                    + " of those with " + p.b + " hold " + p.a + " (lift "
                    + decimals(baskets * p.count, (long) p.countA * p.countB) + ")";
            hints.add(new AdjacencyHint(p.a, p.b, p.count, p.countA, p.countB, (double) p.count / baskets,
                    confidenceAB, confidenceBA, lift, reason));
        }
        return List.copyOf(hints);
    }

    private record Candidate(AssociationRule rule, List<String> others, List<String> sortedOthers, int lhsCount,
            int rhsCount, long baskets) {
    }

    private record Pair(String a, String b, int count, int countA, int countB, String low, String high) {
    }

    /** Best first: lift, confidence, count descending, fewer left-hand items, other items, offer. */
    private static final Comparator<Candidate> CANDIDATES = (x, y) -> {
        int c = compareFractions(y.baskets * y.rule.count(), (long) y.lhsCount * y.rhsCount,
                x.baskets * x.rule.count(), (long) x.lhsCount * x.rhsCount);
        if (c == 0) {
            c = compareFractions(y.rule.count(), y.lhsCount, x.rule.count(), x.lhsCount);
        }
        if (c == 0) {
            c = Integer.compare(y.rule.count(), x.rule.count());
        }
        if (c == 0) {
            c = Integer.compare(x.others.size(), y.others.size());
        }
        if (c == 0) {
            c = compareLabels(x.sortedOthers, y.sortedOthers);
        }
        return c != 0 ? c : x.rule.rhs().compareTo(y.rule.rhs());
    };

    /**
     * Compares {@code p / q} with {@code r / s} exactly, for non-negative numerators and positive denominators below
     * 2^63 (basket counts are ints, so products of two fit): {@code p x s} against {@code r x q} in 128 bits.
     */
    static int compareFractions(long p, long q, long r, long s) {
        long high = Math.multiplyHigh(p, s);
        long otherHigh = Math.multiplyHigh(r, q);
        int c = Long.compare(high, otherHigh);
        return c != 0 ? c : Long.compareUnsigned(p * s, r * q);
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> sorted(List<String> labels) {
        List<String> copy = new ArrayList<>(labels);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }

    private static <K> int count(Map<K, Integer> counts, K key, AssociationRule rule) {
        Integer count = counts.get(key);
        if (count == null) {
            throw new IllegalArgumentException("the mining result has the rule " + rule
                    + " but not the count of the itemset " + key);
        }
        return count;
    }

    /** {@code part / whole} as a whole percentage rounded half up; {@code under 1%} when that is 0 but part is not. */
    static String percent(long part, long whole) {
        long rounded = (200 * part + whole) / (2 * whole);
        return rounded == 0 && part > 0 ? "under 1%" : rounded + "%";
    }

    /** {@code numerator / denominator} rounded half up to two decimals. */
    static String decimals(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String sentence(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
