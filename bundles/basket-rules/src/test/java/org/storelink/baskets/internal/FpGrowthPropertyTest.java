package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.storelink.baskets.AssociationRule;
import org.storelink.baskets.FrequentItemset;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;

/** FP-growth against {@link NaiveMiner} on seeded random data, sparse and dense, across thresholds and lengths. */
class FpGrowthPropertyTest {

    private static final String[] SUPPORTS = {"0.01", "0.02", "0.05", "0.1", "0.15", "0.2", "0.3", "0.5", "0.75", "1"};
    private static final String[] CONFIDENCES = {"0", "0.1", "0.25", "0.5", "0.6", "0.8", "0.9", "1"};

    static Stream<Arguments> sparse() {
        return seeds(1000, 60);
    }

    static Stream<Arguments> dense() {
        return seeds(2000, 30);
    }

    static Stream<Arguments> veryDense() {
        return seeds(3000, 20);
    }

    private static Stream<Arguments> seeds(long first, int count) {
        return Stream.iterate(first, seed -> seed + 1).limit(count).map(Arguments::of);
    }

    /** Up to 300 baskets over 3-30 items with skewed popularity; some baskets empty, some with repeated items. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("sparse")
    void sparseData(long seed) {
        Random random = new Random(seed);
        int items = 3 + random.nextInt(28);
        double[] popularity = new double[items];
        for (int i = 0; i < items; i++) {
            double u = random.nextDouble();
            popularity[i] = 0.6 * u * u;
        }
        int basketCount = 1 + random.nextInt(300);
        List<List<String>> baskets = new ArrayList<>();
        for (int b = 0; b < basketCount; b++) {
            List<String> basket = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < popularity[i]) {
                    basket.add("i" + i);
                    if (random.nextInt(20) == 0) {
                        basket.add("i" + i);
                    }
                }
            }
            Collections.shuffle(basket, random);
            baskets.add(basket);
        }
        String support = SUPPORTS[random.nextInt(6)];
        compare(baskets, support, CONFIDENCES[random.nextInt(CONFIDENCES.length)], random.nextInt(4) == 0 ? 2 : 10);
    }

    /** 200 baskets of 20-30 items out of 40 (up to tens of thousands of itemsets and rules). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dense")
    void denseData(long seed) {
        Random random = new Random(seed);
        List<List<String>> baskets = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(i);
            }
            Collections.shuffle(all, random);
            int size = 20 + random.nextInt(11);
            List<String> basket = new ArrayList<>();
            for (int item : all.subList(0, size)) {
                basket.add("d" + item);
            }
            baskets.add(basket);
        }
        String support = new String[] {"0.15", "0.2", "0.25", "0.3", "0.4"}[random.nextInt(5)];
        compare(baskets, support, CONFIDENCES[random.nextInt(CONFIDENCES.length)], random.nextInt(3) == 0 ? 3 : 10);
    }

    /** 40-80 baskets of 12-16 items out of 16: deep recursion, single paths, itemsets up to the length cap. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("veryDense")
    void veryDenseData(long seed) {
        Random random = new Random(seed);
        int basketCount = 40 + random.nextInt(41);
        List<List<String>> baskets = new ArrayList<>();
        for (int b = 0; b < basketCount; b++) {
            List<String> basket = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                if (random.nextDouble() < 0.85) {
                    basket.add("v" + i);
                }
            }
            baskets.add(basket);
        }
        String support = new String[] {"0.3", "0.4", "0.5", "0.6"}[random.nextInt(4)];
        int maxLength = new int[] {1, 2, 5, 10, 16}[random.nextInt(5)];
        compare(baskets, support, CONFIDENCES[random.nextInt(CONFIDENCES.length)], maxLength);
    }

    private static void compare(List<List<String>> baskets, String support, String confidence, int maxLength) {
        MiningParameters parameters = new MiningParameters(new BigDecimal(support), new BigDecimal(confidence), maxLength);
        MiningResult result = new FpGrowthMiner().mine(baskets, parameters);
        NaiveMiner.Result expected = NaiveMiner.mine(baskets, new BigDecimal(support), new BigDecimal(confidence),
                maxLength);
        String context = "support " + support + ", confidence " + confidence + ", max length " + maxLength;

        Map<List<String>, Integer> itemsets = new HashMap<>();
        for (FrequentItemset itemset : result.itemsets()) {
            List<String> key = new ArrayList<>(new TreeSet<>(itemset.items()));
            assertThat(itemsets.put(key, itemset.count())).as("duplicate itemset " + key).isNull();
            assertThat(itemset.support()).isEqualTo((double) itemset.count() / baskets.size());
        }
        Map<List<String>, Integer> expectedItemsets = new HashMap<>();
        expected.itemsets().forEach((items, count) -> expectedItemsets.put(new ArrayList<>(new TreeSet<>(items)), count));
        assertThat(itemsets).as(context).isEqualTo(expectedItemsets);

        Map<String, AssociationRule> rules = new HashMap<>();
        for (AssociationRule rule : result.rules()) {
            String key = NaiveMiner.key(rule.lhs(), rule.rhs());
            assertThat(rules.put(key, rule)).as("duplicate rule " + key).isNull();
        }
        assertThat(rules.keySet()).as(context).isEqualTo(expected.rules().keySet());
        int n = baskets.size();
        expected.rules().forEach((key, rule) -> {
            AssociationRule actual = rules.get(key);
            String rhs = actual.rhs();
            int rhsCount = expected.itemCounts()[expected.items().indexOf(rhs)];
            double confidenceValue = (double) rule.count() / rule.lhsCount();
            assertThat(actual.count()).as(key).isEqualTo(rule.count());
            assertThat(actual.support()).as(key).isEqualTo((double) rule.count() / n);
            assertThat(actual.confidence()).as(key).isEqualTo(confidenceValue);
            assertThat(actual.lift()).as(key).isCloseTo(confidenceValue / ((double) rhsCount / n), within(1e-12));
        });
        // the documented order: lift, confidence, count descending
        List<AssociationRule> ordered = result.rules();
        for (int i = 1; i < ordered.size(); i++) {
            AssociationRule a = ordered.get(i - 1);
            AssociationRule b = ordered.get(i);
            assertThat(a.lift() > b.lift() || a.lift() == b.lift() && (a.confidence() > b.confidence()
                    || a.confidence() == b.confidence() && a.count() >= b.count())).as(context + " order at " + i).isTrue();
        }
    }
}
