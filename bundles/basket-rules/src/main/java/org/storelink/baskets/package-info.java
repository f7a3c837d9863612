/**
 * Association rules from shopping baskets. {@link org.storelink.baskets.BasketRuleMiner} mines every frequent
 * itemset and every rule with a one-item right-hand side, with the results of R's arules {@code apriori};
 * {@link org.storelink.baskets.BasketSource} is the service a sales store implements so that the console can mine a
 * store's or a region's baskets. {@link org.storelink.baskets.BasketHints} derives cross-sell suggestions
 * ({@link org.storelink.baskets.CrossSellSuggestion}) and shelf-adjacency hints
 * ({@link org.storelink.baskets.AdjacencyHint}) from a mining result.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.storelink.baskets;
