package org.storelink.baskets;

import java.util.List;

/**
 * An itemset found in at least the minimum number of baskets.
 *
 * @param items the labels, in the order they take in the input baskets (see {@link MiningResult})
 * @param support {@code count / baskets}
 * @param count the number of baskets holding every item
 */
public record FrequentItemset(List<String> items, double support, int count) {

    public FrequentItemset {
        items = List.copyOf(items);
    }
}
