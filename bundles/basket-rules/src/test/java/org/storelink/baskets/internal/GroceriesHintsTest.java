package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.baskets.AdjacencyHint;
import org.storelink.baskets.BasketHints;
import org.storelink.baskets.CrossSellSuggestion;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;

/**
 * Cross-sell and adjacency on Groceries against arules' files (rules at support 0.001, confidence 0.5; eclat itemsets
 * at support 0.001), read from the shared data folder given by {@code storelink.sharedData}; skipped when absent.
 */
class GroceriesHintsTest {

    private static final int BASKETS = 9835;

    private static MiningResult result;
    /** arules' rules: lhs label set, rhs, lift as R prints it, count */
    private static List<Rule> rules;
    /** arules' itemset counts by label set */
    private static Map<Set<String>, Integer> itemsets;
    private static List<List<String>> baskets;
    private static String missing;

    private record Rule(Set<String> lhs, String rhs, String lift, int count) {
    }

    @BeforeAll
    static void mine() throws IOException {
        String shared = System.getProperty("storelink.sharedData");
        Path groceries = shared == null ? null : Path.of(shared, "groceries");
        for (String name : List.of("groceries.csv", "groceries_rules_s0.001_c0.5.csv", "groceries_itemsets_s0.001.csv")) {
            if (groceries == null || !Files.isRegularFile(groceries.resolve(name))) {
                missing = "Groceries reference data not found (" + (groceries == null ? "storelink.sharedData is not set"
                        : groceries.resolve(name) + " is missing") + "; set -Dstorelink.sharedData to the shared data"
                        + " folder): skipping the Groceries cross-sell and adjacency test";
                return;
            }
        }
        baskets = BasketFiles.read(groceries.resolve("groceries.csv"));
        result = new FpGrowthMiner().mine(baskets, MiningParameters.of(0.001, 0.5));
        rules = new ArrayList<>();
        List<List<String>> rows = csv(groceries.resolve("groceries_rules_s0.001_c0.5.csv"));
        for (List<String> row : rows.subList(1, rows.size())) {
            rules.add(new Rule(labels(row.get(0)), labels(row.get(1)).iterator().next(), row.get(4),
                    Integer.parseInt(row.get(5))));
        }
        itemsets = new HashMap<>();
        rows = csv(groceries.resolve("groceries_itemsets_s0.001.csv"));
        for (List<String> row : rows.subList(1, rows.size())) {
            itemsets.put(labels(row.get(0)), Integer.parseInt(row.get(2)));
        }
    }

    @BeforeEach
    void needsTheData() {
        assumeTrue(missing == null, missing);
    }

    @Test
    void directSuggestionsAreArulesOneItemRules() {
        // every product with a rule {x} => {y} in arules' file (11 such rules, all with lift above 2)
        Map<String, Map<String, Rule>> byProduct = new TreeMap<>();
        for (Rule rule : rules) {
            if (rule.lhs.size() == 1) {
                byProduct.computeIfAbsent(rule.lhs.iterator().next(), k -> new HashMap<>()).put(rule.rhs, rule);
            }
        }
        assertThat(byProduct.values().stream().mapToInt(Map::size).sum()).isEqualTo(11);
        byProduct.forEach((product, expected) -> {
            List<CrossSellSuggestion> direct = BasketHints.crossSell(result, product).stream()
                    .filter(CrossSellSuggestion::direct).toList();
            assertThat(direct).as(product).extracting(CrossSellSuggestion::offer)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (CrossSellSuggestion suggestion : direct) {
                Rule rule = expected.get(suggestion.offer());
                assertThat(NumberStyle.R.format(suggestion.rule().lift())).as(product).isEqualTo(rule.lift);
                assertThat(suggestion.rule().count()).isEqualTo(rule.count);
                assertThat(suggestion.lhsCount()).isEqualTo(itemsets.get(Set.of(product)));
            }
        });
        // rice: {rice} => {other vegetables} lift 2.687, {rice} => {whole milk} lift 2.400
        assertThat(BasketHints.crossSell(result, "rice")).extracting(CrossSellSuggestion::offer)
                .startsWith("other vegetables", "whole milk");
        assertThat(BasketHints.crossSell(result, "honey").get(0).reason())
                .isEqualTo("bought in 73% of the baskets with honey (lift 2.87, 11 baskets)");
    }

    @Test
    void wholeMilkHasOnlyConditionalSuggestionsEachArulesBestRuleForItsOffer() {
        // arules has no rule {whole milk} => {y} at confidence 0.5; every suggestion is some rule
        // {whole milk, ...} => {y} of its file, the one with the highest lift for y
        assertThat(rules).noneMatch(rule -> rule.lhs.equals(Set.of("whole milk")));
        List<CrossSellSuggestion> suggestions = BasketHints.crossSell(result, "whole milk");
        Map<String, Double> bestLift = new HashMap<>();
        for (Rule rule : rules) {
            if (rule.lhs.contains("whole milk") && Double.parseDouble(rule.lift) > 1) {
                bestLift.merge(rule.rhs, Double.parseDouble(rule.lift), Math::max);
            }
        }
        assertThat(suggestions).extracting(CrossSellSuggestion::offer)
                .containsExactlyInAnyOrderElementsOf(bestLift.keySet());
        BigInteger[] previous = null;
        for (CrossSellSuggestion suggestion : suggestions) {
            assertThat(suggestion.direct()).isFalse();
            Set<String> lhs = new HashSet<>(suggestion.alsoInBasket());
            lhs.add("whole milk");
            String lift = NumberStyle.R.format(suggestion.rule().lift());
            assertThat(rules).as(suggestion.reason())
                    .contains(new Rule(lhs, suggestion.offer(), lift, suggestion.rule().count()));
            assertThat(Double.parseDouble(lift)).isEqualTo(bestLift.get(suggestion.offer()));
            assertThat(suggestion.lhsCount()).isEqualTo(itemsets.get(lhs));
            // lift descending, compared exactly as count x baskets / (count(lhs) x count(offer))
            BigInteger[] exact = {BigInteger.valueOf((long) suggestion.rule().count() * BASKETS),
                    BigInteger.valueOf((long) suggestion.lhsCount() * itemsets.get(Set.of(suggestion.offer())))};
            if (previous != null) {
                assertThat(previous[0].multiply(exact[1]).compareTo(exact[0].multiply(previous[1])))
                        .as(suggestion.reason()).isNotNegative();
            }
            previous = exact;
        }
    }

    @Test
    void wholeMilkAtALowerConfidenceFromArulesItemsetCounts() {
        // at confidence 0.1 there are rules {whole milk} => {y}; their lifts from arules' eclat counts
        MiningResult lower = new FpGrowthMiner().mine(baskets, MiningParameters.of(0.001, 0.1));
        int milk = itemsets.get(Set.of("whole milk"));
        assertThat(milk).isEqualTo(2513);
        Map<String, Double> expected = new HashMap<>();
        itemsets.forEach((set, count) -> {
            if (set.size() == 2 && set.contains("whole milk") && count * 10L >= milk
                    && (long) count * BASKETS > (long) milk * itemsets.get(Set.of(other(set, "whole milk"))))  {
                String y = other(set, "whole milk");
                expected.put(y, (double) count * BASKETS / ((double) milk * itemsets.get(Set.of(y))));
            }
        });
        List<CrossSellSuggestion> direct = BasketHints.crossSell(lower, "whole milk").stream()
                .filter(CrossSellSuggestion::direct).toList();
        assertThat(direct).extracting(CrossSellSuggestion::offer).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(direct).isNotEmpty();
        for (CrossSellSuggestion suggestion : direct) {
            assertThat(suggestion.rule().lift()).isCloseTo(expected.get(suggestion.offer()),
                    org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(direct.get(0).reason()).isEqualTo("bought in 11% of the baskets with whole milk (lift 1.95, 271 baskets)");
    }

    @Test
    void adjacencyIsEveryArulesPairWithLiftAboveOne() {
        Map<Set<String>, Integer> expected = new HashMap<>();
        itemsets.forEach((set, count) -> {
            if (set.size() == 2) {
                long product = 1;
                for (String item : set) {
                    product *= itemsets.get(Set.of(item));
                }
                if ((long) count * BASKETS > product) {
                    expected.put(set, count);
                }
            }
        });
        List<AdjacencyHint> hints = BasketHints.adjacency(result);
        Map<Set<String>, Integer> actual = new HashMap<>();
        for (AdjacencyHint hint : hints) {
            actual.put(Set.of(hint.first(), hint.second()), hint.count());
        }
        assertThat(hints).hasSameSizeAs(actual.keySet());
        assertThat(actual).isEqualTo(expected);
        assertThat(hints.get(0).first() + " + " + hints.get(0).second()).isEqualTo("mayonnaise + mustard");
        // the order, checked on exact lifts: equal lifts may differ in their doubles' last bit
        for (int i = 1; i < hints.size(); i++) {
            AdjacencyHint before = hints.get(i - 1);
            AdjacencyHint after = hints.get(i);
            BigInteger liftBefore = BigInteger.valueOf((long) before.count() * BASKETS)
                    .multiply(BigInteger.valueOf((long) after.firstCount() * after.secondCount()));
            BigInteger liftAfter = BigInteger.valueOf((long) after.count() * BASKETS)
                    .multiply(BigInteger.valueOf((long) before.firstCount() * before.secondCount()));
            int c = liftBefore.compareTo(liftAfter);
            assertThat(c).as(after.reason()).isNotNegative();
            if (c == 0) {
                assertThat(before.count()).isGreaterThanOrEqualTo(after.count());
                if (before.count() == after.count()) {
                    assertThat(sorted(before).compareTo(sorted(after))).isNegative();
                }
            }
        }
        assertThat(hints).anySatisfy(hint -> assertThat(hint.lift()).isEqualTo(3.5828779599271408))
                .anySatisfy(hint -> assertThat(hint.lift()).isEqualTo(3.5828779599271403));
        // where arules has the rule {a} => {b}, the pair's lift is its lift
        for (AdjacencyHint hint : hints) {
            for (Rule rule : rules) {
                if (rule.lhs.equals(Set.of(hint.first())) && rule.rhs.equals(hint.second())) {
                    assertThat(NumberStyle.R.format(hint.lift())).isEqualTo(rule.lift);
                }
            }
        }
    }

    /** the pair's labels sorted, joined by a character below any in the labels */
    private static String sorted(AdjacencyHint hint) {
        return hint.first().compareTo(hint.second()) <= 0 ? hint.first() + "\u0000" + hint.second()
                : hint.second() + "\u0000" + hint.first();
    }

    private static String other(Set<String> pair, String item) {
        return pair.stream().filter(label -> !label.equals(item)).findFirst().orElseThrow();
    }

    /** arules' label {a,b}: Groceries' labels hold no commas. */
    private static Set<String> labels(String itemset) {
        String inner = itemset.substring(1, itemset.length() - 1);
        return inner.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(inner.split(",", -1)));
    }

    private static List<List<String>> csv(Path file) throws IOException {
        return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
