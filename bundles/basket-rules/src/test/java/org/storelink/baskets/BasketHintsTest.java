package org.storelink.baskets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storelink.baskets.internal.FpGrowthMiner;

/**
 * The hints on small basket sets whose counts, confidences and lifts are worked out by hand in the comments
 * (lift = count x baskets / (count(lhs) x count(rhs))).
 */
class BasketHintsTest {

    private final FpGrowthMiner miner = new FpGrowthMiner();

    /**
     * 10 baskets. Singles: tea 5, honey 4, lemon 3, milk 5, cake 3. With tea: honey 3, lemon 2, milk 2, cake 1;
     * {tea,honey,lemon} 2; honey and lemon together 2.
     */
    private static final List<List<String>> TEA = List.of(
            List.of("tea", "honey", "lemon"),
            List.of("tea", "honey", "lemon"),
            List.of("tea", "honey"),
            List.of("tea", "milk"),
            List.of("tea", "milk", "cake"),
            List.of("milk", "cake"),
            List.of("milk"),
            List.of("milk"),
            List.of("honey"),
            List.of("cake", "lemon"));

    @Test
    void directSuggestionsByLiftLeavingOutLiftBelowOne() {
        // support 0.2 = 2 baskets, confidence 0.35:
        // {tea} => {honey}: 3/5 = 0.6, lift 3x10/(5x4) = 1.5
        // {tea} => {lemon}: 2/5 = 0.4, lift 2x10/(5x3) = 1.333...
        // {tea} => {milk}:  2/5 = 0.4, lift 2x10/(5x5) = 0.8: mined, but not a suggestion
        MiningResult result = miner.mine(TEA, MiningParameters.of(0.2, 0.35));
        assertThat(result.rules()).anySatisfy(rule -> {
            assertThat(rule.lhs()).containsExactly("tea");
            assertThat(rule.rhs()).isEqualTo("milk");
            assertThat(rule.lift()).isEqualTo(0.8);
        });

        List<CrossSellSuggestion> suggestions = BasketHints.crossSell(result, "tea");
        assertThat(suggestions).extracting(CrossSellSuggestion::offer, CrossSellSuggestion::alsoInBasket,
                CrossSellSuggestion::lhsCount, CrossSellSuggestion::direct, CrossSellSuggestion::reason).containsExactly(
                        tuple("honey", List.of(), 5, true, "bought in 60% of the baskets with tea (lift 1.50, 3 baskets)"),
                        tuple("lemon", List.of(), 5, true, "bought in 40% of the baskets with tea (lift 1.33, 2 baskets)"));
        AssociationRule honey = suggestions.get(0).rule();
        assertThat(honey.lhs()).containsExactly("tea");
        assertThat(honey.count()).isEqualTo(3);
        assertThat(honey.confidence()).isEqualTo(0.6);
        assertThat(honey.lift()).isEqualTo(1.5);
        assertThat(honey.support()).isEqualTo(0.3);
        // the suggestion carries the mined rule itself
        assertThat(result.rules()).contains(honey);
    }

    @Test
    void conditionalSuggestionsWhenTheDirectRuleMissesTheConfidence() {
        // confidence 0.45: {tea} => {lemon} (0.4) is not mined, {tea,honey} => {lemon} is: 2/3, lift 2x10/(3x3) = 2.22;
        // {tea,lemon} => {honey} (2/2, lift 2.5) is left out because honey has a direct suggestion.
        // Direct ones come first although the conditional one has the higher lift.
        MiningResult result = miner.mine(TEA, MiningParameters.of(0.2, 0.45));
        assertThat(BasketHints.crossSell(result, "tea")).extracting(CrossSellSuggestion::offer,
                CrossSellSuggestion::alsoInBasket, CrossSellSuggestion::lhsCount, CrossSellSuggestion::reason)
                .containsExactly(
                        tuple("honey", List.of(), 5, "bought in 60% of the baskets with tea (lift 1.50, 3 baskets)"),
                        tuple("lemon", List.of("honey"), 3,
                                "bought in 67% of the baskets with tea and honey (lift 2.22, 2 baskets)"));
    }

    @Test
    void aProductWithoutRulesOrBasketsHasNoSuggestions() {
        MiningResult result = miner.mine(TEA, MiningParameters.of(0.2, 0.35));
        // milk's rules: {milk} => {tea} 2/5, lift 0.8 (<= 1); {milk} => {cake} 2/5, lift 2x10/(5x3) = 1.33
        assertThat(BasketHints.crossSell(result, "milk")).extracting(CrossSellSuggestion::offer).containsExactly("cake");
        assertThat(BasketHints.crossSell(result, "coffee")).isEmpty();
        assertThat(BasketHints.crossSell(result, "Tea")).isEmpty(); // labels compare exactly
        // confidence 0.9: milk's rules reach 0.4 at most, and no itemset of milk with two more items is frequent
        assertThat(BasketHints.crossSell(miner.mine(TEA, MiningParameters.of(0.2, 0.9)), "milk")).isEmpty();
    }

    /**
     * 20 baskets: x in 10; with x: rye 3, oat 3, p 4, q 2; in all: rye 4, oat 4, p 6, q 3, z 5 (z never with x).
     * rye appears in the baskets before oat.
     */
    private static final List<List<String>> TIES;

    static {
        List<List<String>> baskets = new ArrayList<>(List.of(
                List.of("x", "rye", "p"),
                List.of("x", "rye", "p"),
                List.of("x", "rye", "oat", "p"),
                List.of("x", "oat", "p", "q"),
                List.of("x", "oat", "q")));
        baskets.addAll(Collections.nCopies(5, List.of("x")));
        baskets.addAll(List.of(List.of("rye"), List.of("oat"), List.of("p"), List.of("p"), List.of("q")));
        baskets.addAll(Collections.nCopies(5, List.of("z")));
        TIES = List.copyOf(baskets);
    }

    @Test
    void tiesInLiftGoToConfidenceThenCountThenLabels() {
        // support 0.1 = 2 baskets, confidence 0.1:
        // {x} => {rye}: 3/10, lift 3x20/(10x4) = 1.5     {x} => {oat}: the same
        // {x} => {p}:   4/10, lift 4x20/(10x6) = 1.333   {x} => {q}: 2/10, lift 2x20/(10x3) = 1.333
        // oat and rye tie in lift, confidence and count: by label, oat first although rye comes first in the baskets;
        // p and q tie in lift: p has the higher confidence.
        MiningResult result = miner.mine(TIES, MiningParameters.of(0.1, 0.1));
        assertThat(BasketHints.crossSell(result, "x")).extracting(CrossSellSuggestion::offer, CrossSellSuggestion::reason)
                .containsExactly(
                        tuple("oat", "bought in 30% of the baskets with x (lift 1.50, 3 baskets)"),
                        tuple("rye", "bought in 30% of the baskets with x (lift 1.50, 3 baskets)"),
                        tuple("p", "bought in 40% of the baskets with x (lift 1.33, 4 baskets)"),
                        tuple("q", "bought in 20% of the baskets with x (lift 1.33, 2 baskets)"));
    }

    @Test
    void theBestConditionalRulePerOffer() {
        // confidence 0.5: no {x} => {y} rule is mined (at most 0.4). With x and one more item:
        // oat: {x,q} => {oat} 2/2, lift 2x20/(2x4) = 5;  {x,p} => {oat} 2/4, lift 2x20/(4x4) = 2.5 (not the best)
        // q:   {x,oat} => {q} 2/3, lift 2x20/(3x3) = 4.44
        // rye: {x,p} => {rye} 3/4, lift 3x20/(4x4) = 3.75
        // p:   {x,rye} => {p} 3/3, lift 3x20/(3x6) = 3.33; {x,oat} => {p} 2/3, lift 2x20/(3x6) = 2.22 (not the best)
        MiningResult result = miner.mine(TIES, MiningParameters.of(0.1, 0.5));
        assertThat(BasketHints.crossSell(result, "x")).extracting(CrossSellSuggestion::offer,
                CrossSellSuggestion::alsoInBasket, CrossSellSuggestion::lhsCount, CrossSellSuggestion::reason)
                .containsExactly(
                        tuple("oat", List.of("q"), 2, "bought in 100% of the baskets with x and q (lift 5.00, 2 baskets)"),
                        tuple("q", List.of("oat"), 3, "bought in 67% of the baskets with x and oat (lift 4.44, 2 baskets)"),
                        tuple("rye", List.of("p"), 4, "bought in 75% of the baskets with x and p (lift 3.75, 3 baskets)"),
                        tuple("p", List.of("rye"), 3,
                                "bought in 100% of the baskets with x and rye (lift 3.33, 3 baskets)"));
        assertThat(BasketHints.crossSell(result, "x")).noneMatch(CrossSellSuggestion::direct);
    }

    /**
     * 33 baskets. Singles: bread 8, butter 4, milk 11, cereal 6, tea 4, lemon 4, chips 4, salsa 4. Pairs:
     * bread+butter 4, bread+milk 2, milk+cereal 2, tea+lemon 2, chips+salsa 2 (no other pair is in 2 baskets).
     */
    private static final List<List<String>> SHELF;

    static {
        List<List<String>> baskets = new ArrayList<>();
        baskets.addAll(Collections.nCopies(4, List.of("bread", "butter")));
        baskets.addAll(Collections.nCopies(2, List.of("bread", "milk")));
        baskets.addAll(Collections.nCopies(2, List.of("bread")));
        baskets.addAll(Collections.nCopies(2, List.of("milk", "cereal")));
        baskets.addAll(Collections.nCopies(7, List.of("milk")));
        baskets.addAll(Collections.nCopies(4, List.of("cereal")));
        // tea and lemon before chips and salsa, so that the tie below is not settled by the order of the baskets
        baskets.addAll(Collections.nCopies(2, List.of("tea", "lemon")));
        baskets.addAll(Collections.nCopies(2, List.of("tea")));
        baskets.addAll(Collections.nCopies(2, List.of("lemon")));
        baskets.addAll(Collections.nCopies(2, List.of("chips", "salsa")));
        baskets.addAll(Collections.nCopies(2, List.of("chips")));
        baskets.addAll(Collections.nCopies(2, List.of("salsa")));
        SHELF = List.copyOf(baskets);
    }

    @Test
    void adjacencyPairsByLiftThenCountThenLabelsWithoutLiftAtMostOne() {
        // support 0.05 = 2 baskets (ceil 1.65):
        // bread+butter 4x33/(8x4) = 4.125, tea+lemon 2x33/(4x4) = 4.125, chips+salsa 4.125,
        // milk+cereal 2x33/(11x6) = 1 exactly (independent: left out), bread+milk 2x33/(8x11) = 0.75 (left out).
        // bread+butter has the larger count; chips+salsa and tea+lemon tie in count too: "chips" < "lemon".
        MiningResult result = miner.mine(SHELF, MiningParameters.of(0.05, 0));
        assertThat(result.baskets()).isEqualTo(33);
        assertThat(result.minCount()).isEqualTo(2);
        assertThat(result.itemsets()).filteredOn(set -> set.items().size() == 2).hasSize(5);

        List<AdjacencyHint> hints = BasketHints.adjacency(result);
        assertThat(hints).extracting(AdjacencyHint::first, AdjacencyHint::second, AdjacencyHint::count,
                AdjacencyHint::firstCount, AdjacencyHint::secondCount).containsExactly(
                        tuple("bread", "butter", 4, 8, 4),
                        tuple("chips", "salsa", 2, 4, 4),
                        tuple("tea", "lemon", 2, 4, 4));
        AdjacencyHint bread = hints.get(0);
        assertThat(bread.support()).isEqualTo(4.0 / 33);
        assertThat(bread.confidenceFirstToSecond()).isEqualTo(0.5);
        assertThat(bread.confidenceSecondToFirst()).isEqualTo(1.0);
        assertThat(bread.lift()).isEqualTo(4.125);
        assertThat(bread.reason()).isEqualTo("together in 4 of 33 baskets; 50% of the baskets with bread hold butter,"
                + " 100% of those with butter hold bread (lift 4.13)");
        assertThat(hints.get(2).reason()).isEqualTo("together in 2 of 33 baskets; 50% of the baskets with tea hold"
                + " lemon, 50% of those with lemon hold tea (lift 4.13)");
    }

    @Test
    void adjacencyLiftIsTheLiftOfTheMinedPairRule() {
        MiningResult result = miner.mine(SHELF, MiningParameters.of(0.05, 0));
        for (AdjacencyHint hint : BasketHints.adjacency(result)) {
            assertThat(result.rules()).anySatisfy(rule -> {
                assertThat(rule.lhs()).containsExactly(hint.first());
                assertThat(rule.rhs()).isEqualTo(hint.second());
                assertThat(rule.lift()).isEqualTo(hint.lift());
                assertThat(rule.confidence()).isEqualTo(hint.confidenceFirstToSecond());
            });
        }
    }

    @Test
    void noPairsWhenItemsetsHaveOneItemOrNoPairIsAssociated() {
        assertThat(BasketHints.adjacency(miner.mine(SHELF, MiningParameters.of(0.05, 0, 1)))).isEmpty();
        MiningResult result = miner.mine(List.of(List.of("a", "b"), List.of("a"), List.of("b"), List.of()),
                MiningParameters.of(0.25, 0));
        // a 2, b 2, together 1, 4 baskets: lift 1x4/(2x2) = 1
        assertThat(BasketHints.adjacency(result)).isEmpty();
    }

    @Test
    void percentagesAndLiftsRoundHalfUpExactly() {
        assertThat(BasketHints.percent(1, 8)).isEqualTo("13%"); // 12.5
        assertThat(BasketHints.percent(1, 3)).isEqualTo("33%");
        assertThat(BasketHints.percent(2, 3)).isEqualTo("67%");
        assertThat(BasketHints.percent(1, 201)).isEqualTo("under 1%"); // 0.497
        assertThat(BasketHints.percent(1, 200)).isEqualTo("1%"); // 0.5
        assertThat(BasketHints.decimals(33, 8)).isEqualTo("4.13"); // 4.125
        assertThat(BasketHints.decimals(2, 1)).isEqualTo("2.00");
    }

    @Test
    void fractionsCompareExactlyBeyond64Bits() {
        long big = Integer.MAX_VALUE;
        long n = big * big; // about 2^62
        assertThat(BasketHints.compareFractions(n, n - 1, n - 1, n - 2)).isNegative(); // n/(n-1) < (n-1)/(n-2)
        assertThat(BasketHints.compareFractions(n, n - 1, n, n - 1)).isZero();
        assertThat(BasketHints.compareFractions(2 * 3, 4, 3, 2)).isZero();
        assertThat(BasketHints.compareFractions(1, 3, 1, 2)).isNegative();
        // doubles cannot tell these apart
        assertThat((double) n / (n - 1)).isEqualTo((double) (n - 1) / (n - 2));
    }
}
