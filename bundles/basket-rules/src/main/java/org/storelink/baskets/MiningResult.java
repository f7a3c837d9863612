package org.storelink.baskets;

import java.util.List;

/**
 * What a mining run found. The lists are read-only views that make their elements when asked, so a result with
 * millions of rules stays compact until it is read.
 *
 * <p>Items inside an itemset or a rule side are listed in the order they take in the input baskets: an item that
 * comes before another in some basket comes first, as far as the baskets agree (ties and disagreements go to the item
 * seen first). arules lists items by their index in the data set; for data whose baskets list items in that order,
 * such as the Groceries export, the two orders are the same.
 */
public interface MiningResult {

    /** Number of baskets mined, empty ones included. */
    int baskets();

    /** Number of distinct item labels in the baskets. */
    int distinctItems();

    /** The minimum support as a basket count. */
    int minCount();

    /** Every frequent itemset (count at least {@link #minCount()}, at most the maximum length items). */
    List<FrequentItemset> itemsets();

    /**
     * Every rule with a one-item right-hand side whose confidence reaches the minimum, including rules with an empty
     * left-hand side {@code {} => {x}} (kept when support(x) reaches the minimum confidence, as arules does with its
     * default {@code minlen = 1}). Ordered by lift, then confidence, then count, all descending, then by the items.
     */
    List<AssociationRule> rules();
}
