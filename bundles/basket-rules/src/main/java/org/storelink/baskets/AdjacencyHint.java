package org.storelink.baskets;

import java.util.Objects;

/**
 * Two products bought together more often than chance, worth shelving next to each other (see
 * {@link BasketHints#adjacency(MiningResult)}). The pair is unordered; {@code first} and {@code second} are in the
 * order the frequent itemset lists them (the result's item order).
 *
 * @param first one product
 * @param second the other product
 * @param count baskets holding both
 * @param firstCount baskets holding {@code first}
 * @param secondCount baskets holding {@code second}
 * @param support {@code count / baskets}
 * @param confidenceFirstToSecond {@code count / firstCount}: the share of {@code first}'s baskets that hold
 *        {@code second}
 * @param confidenceSecondToFirst {@code count / secondCount}
 * @param lift {@code count x baskets / (firstCount x secondCount)}, the same in both directions, always above 1 here;
 *        the double is evaluated as the miner evaluates the lift of {@code {first} => {second}}, so it equals that
 *        rule's lift when the rule is mined
 * @param reason a sentence giving the counts, both confidences and the lift
 */
public record AdjacencyHint(String first, String second, int count, int firstCount, int secondCount, double support,
        double confidenceFirstToSecond, double confidenceSecondToFirst, double lift, String reason) {

    public AdjacencyHint {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(reason, "reason");
    }
}
