package org.storelink.baskets;

import java.util.Collection;
import java.util.List;

/** Mines frequent itemsets and association rules from baskets. The service is stateless and thread safe. */
public interface BasketRuleMiner {

    /**
     * @param baskets one collection of item labels per basket; labels are taken exactly as given (no trimming), a label
     *        repeated in a basket counts once, and empty baskets count as baskets
     */
    MiningResult mine(List<? extends Collection<String>> baskets, MiningParameters parameters);
}
