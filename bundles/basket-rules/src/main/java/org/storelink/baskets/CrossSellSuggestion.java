package org.storelink.baskets;

import java.util.List;
import java.util.Objects;

/**
 * A product to offer to a basket holding a given product, with the mined rule behind it (see
 * {@link BasketHints#crossSell(MiningResult, String)}).
 *
 * @param offer the product to offer: the rule's right-hand item
 * @param alsoInBasket the rule's other left-hand items besides the given product, in the result's item order; empty
 *        for a rule {@code {product} => {offer}}, which applies to every basket holding the product
 * @param rule the mined rule, unchanged (its support, confidence and lift are the miner's doubles)
 * @param lhsCount the number of baskets holding the whole left-hand side (the given product and
 *        {@code alsoInBasket}); the rule's confidence is {@code rule.count() / lhsCount}
 * @param reason a sentence such as {@code bought in 34% of the baskets with green tea (lift 2.10, 58 baskets)}
 */
public record CrossSellSuggestion(String offer, List<String> alsoInBasket, AssociationRule rule, int lhsCount,
        String reason) {

    public CrossSellSuggestion {
        Objects.requireNonNull(offer, "offer");
        alsoInBasket = List.copyOf(alsoInBasket);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the suggestion applies to every basket with the product ({@code alsoInBasket} is empty). */
    public boolean direct() {
        return alsoInBasket.isEmpty();
    }
}
