package org.storelink.baskets;

import java.util.List;

/**
 * A rule {@code lhs => {rhs}}, with arules' quality measures.
 *
 * @param lhs the left-hand side, possibly empty, in the order items take in the input baskets
 * @param rhs the single right-hand item
 * @param support {@code count / baskets}
 * @param confidence {@code count / count(lhs)}
 * @param lift {@code confidence / support(rhs)}
 * @param count the number of baskets holding the left-hand side and the right-hand item
 */
public record AssociationRule(List<String> lhs, String rhs, double support, double confidence, double lift, int count) {

    public AssociationRule {
        lhs = List.copyOf(lhs);
    }
}
