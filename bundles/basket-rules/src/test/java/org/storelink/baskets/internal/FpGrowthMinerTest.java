package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.storelink.baskets.AssociationRule;
import org.storelink.baskets.FrequentItemset;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;

class FpGrowthMinerTest {

    private final FpGrowthMiner miner = new FpGrowthMiner();

    @Test
    void itemsetAtExactlyTheSupportCountIsFrequent() {
        // "a" in 7 of 100 baskets: frequent at 0.07 (7 baskets), not at 0.0701 (ceil(7.01) = 8)
        List<List<String>> baskets = baskets(100, 7, "a");
        assertThat(items(miner.mine(baskets, MiningParameters.of(0.07, 0)))).containsExactly(List.of("a"));
        assertThat(miner.mine(baskets, MiningParameters.of(0.0701, 0)).itemsets()).isEmpty();
    }

    @Test
    void confidenceExactlyAtTheThresholdIsKept() {
        // {a} => {b}: a in 10 baskets, b with it in 7: confidence 0.7 exactly
        List<List<String>> baskets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            baskets.add(List.of("a", "b"));
        }
        for (int i = 0; i < 3; i++) {
            baskets.add(List.of("a"));
        }
        for (int i = 0; i < 10; i++) {
            baskets.add(List.of("c"));
        }
        assertThat(rules(miner.mine(baskets, MiningParameters.of(0.1, 0.7)))).contains("{a} => {b}");
        assertThat(rules(miner.mine(baskets, new MiningParameters(new BigDecimal("0.1"),
                new BigDecimal("0.70000000001"), 10)))).doesNotContain("{a} => {b}");
    }

    @Test
    void rulesWithAnEmptyLeftHandSideAreMadeWhenTheItemIsCommonEnough() {
        // arules' default minlen = 1: {} => {x} when support(x) >= min confidence
        List<List<String>> baskets = List.of(List.of("milk", "bread"), List.of("milk"), List.of("milk", "eggs"),
                List.of("bread"));
        MiningResult result = miner.mine(baskets, MiningParameters.of(0.25, 0.75));
        AssociationRule empty = result.rules().stream().filter(r -> r.lhs().isEmpty()).findFirst().orElseThrow();
        assertThat(empty.rhs()).isEqualTo("milk");
        assertThat(empty.confidence()).isEqualTo(0.75);
        assertThat(empty.support()).isEqualTo(0.75);
        assertThat(empty.lift()).isEqualTo(1.0);
        assertThat(empty.count()).isEqualTo(3);
        assertThat(result.rules().stream().filter(r -> r.lhs().isEmpty())).hasSize(1);
    }

    @Test
    void maxLengthCapsItemsetsAndRules() {
        List<List<String>> baskets = Collections.nCopies(5, List.of("a", "b", "c", "d"));
        MiningResult all = miner.mine(baskets, MiningParameters.of(0.5, 0));
        assertThat(all.itemsets()).hasSize(15);
        // 4 + 6*2 + 4*3 + 1*4 rules: every item as the right-hand side of every itemset
        assertThat(all.rules()).hasSize(32);
        MiningResult two = miner.mine(baskets, MiningParameters.of(0.5, 0, 2));
        assertThat(two.itemsets()).hasSize(10).allMatch(i -> i.items().size() <= 2);
        assertThat(two.rules()).hasSize(16).allMatch(r -> r.lhs().size() <= 1);
    }

    @Test
    void labelsAreKeptExactlyAsGiven() {
        List<String> labels = List.of("milk", " milk", "milk ", "Milch ü", "牛奶", "pain \"maison\"", "salt, fine", "");
        List<List<String>> baskets = Collections.nCopies(3, labels);
        MiningResult result = miner.mine(baskets, MiningParameters.of(1, 1, 1));
        assertThat(result.distinctItems()).isEqualTo(labels.size());
        assertThat(result.itemsets()).extracting(i -> i.items().get(0)).containsExactlyInAnyOrderElementsOf(labels);
        MiningResult pairs = miner.mine(baskets, MiningParameters.of(1, 1, 2));
        assertThat(pairs.rules()).anySatisfy(r -> {
            assertThat(r.lhs()).containsExactly(" milk");
            assertThat(r.rhs()).isEqualTo("牛奶");
        });
    }

    @Test
    void itemsAreListedInTheOrderTheBasketsGiveThem() {
        // frequency order would be c, b, a; the baskets list a before b before c
        List<List<String>> baskets = List.of(List.of("a", "b", "c"), List.of("b", "c"), List.of("b", "c"),
                List.of("c"), List.of("a", "c"));
        MiningResult result = miner.mine(baskets, MiningParameters.of(0.2, 0));
        assertThat(items(result)).contains(List.of("a", "b", "c"), List.of("a", "c"), List.of("b", "c"));
        assertThat(rules(result)).contains("{a,b} => {c}", "{a,c} => {b}", "{b,c} => {a}");
    }

    @Test
    void duplicateItemsCountOnceAndEmptyBasketsCount() {
        List<List<String>> baskets = List.of(List.of("a", "a", "b"), List.of(), List.of("a"), List.of());
        MiningResult result = miner.mine(baskets, MiningParameters.of(0.25, 0));
        assertThat(result.baskets()).isEqualTo(4);
        FrequentItemset a = result.itemsets().stream().filter(i -> i.items().equals(List.of("a"))).findFirst()
                .orElseThrow();
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.support()).isEqualTo(0.5);
    }

    @Test
    void noBasketsAndNoFrequentItemsGiveEmptyResults() {
        assertThat(miner.mine(List.of(), MiningParameters.of(0.1, 0.1)).rules()).isEmpty();
        assertThat(miner.mine(List.of(List.of("a"), List.of("b")), MiningParameters.of(0.6, 0)).itemsets()).isEmpty();
    }

    @Test
    void nullsAreRefusedWithTheBasketNumber() {
        assertThatThrownBy(() -> miner.mine(List.of(List.of("a"), Arrays.asList("b", null)),
                MiningParameters.of(0.5, 0.5))).hasMessageContaining("basket 2");
    }

    @Test
    void rulesComeByDescendingLift() {
        MiningResult result = miner.mine(List.of(List.of("a", "b"), List.of("a", "b"), List.of("a", "c"),
                List.of("c", "d"), List.of("d")), MiningParameters.of(0.2, 0));
        List<AssociationRule> rules = result.rules();
        for (int i = 1; i < rules.size(); i++) {
            assertThat(rules.get(i - 1).lift()).isGreaterThanOrEqualTo(rules.get(i).lift());
        }
        assertThat(Set.copyOf(rules(result))).hasSameSizeAs(rules);
    }

    private static List<List<String>> baskets(int total, int withItem, String item) {
        List<List<String>> baskets = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            baskets.add(i < withItem ? List.of(item) : List.of("other" + i));
        }
        return baskets;
    }

    private static List<List<String>> items(MiningResult result) {
        return result.itemsets().stream().map(FrequentItemset::items).toList();
    }

    private static List<String> rules(MiningResult result) {
        return result.rules().stream()
                .map(r -> RulesCsv.itemset(r.lhs()) + " => " + RulesCsv.itemset(List.of(r.rhs()))).toList();
    }
}
