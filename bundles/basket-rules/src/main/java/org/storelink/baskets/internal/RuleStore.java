package org.storelink.baskets.internal;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The rules of a set of frequent itemsets: for each itemset and each of its items as the right-hand side, the rest is
 * the left-hand side, whose count is found in the itemset table (it is frequent too, being a subset). A rule is
 * (itemset, position of the right-hand item, count of the left-hand side).
 */
final class RuleStore {

    int[] itemset = new int[256];
    int[] rhsPosition = new int[256];
    int[] lhsCount = new int[256];
    int size;

    static RuleStore generate(ItemsetStore sets, int baskets, BigDecimal minConfidence) {
        ConfidenceTest test = new ConfidenceTest(minConfidence);
        RuleStore rules = new RuleStore();
        sets.index();
        for (int set = 0; set < sets.size; set++) {
            int length = sets.length(set);
            int support = sets.count[set];
            if (length == 1) {
                // {} => {x}: the left-hand side is in every basket
                if (test.passes(support, baskets)) {
                    rules.add(set, 0, baskets);
                }
                continue;
            }
            for (int skip = 0; skip < length; skip++) {
                int lhs = sets.findWithout(set, skip);
                if (lhs < 0) {
                    throw new IllegalStateException("the subset of a frequent itemset is missing from the table");
                }
                int lhsSupport = sets.count[lhs];
                if (test.passes(support, lhsSupport)) {
                    rules.add(set, skip, lhsSupport);
                }
            }
        }
        return rules;
    }

    private void add(int set, int position, int lhsSupport) {
        if (size == itemset.length) {
            int capacity = IntList.grow(size, size + 1);
            itemset = Arrays.copyOf(itemset, capacity);
            rhsPosition = Arrays.copyOf(rhsPosition, capacity);
            lhsCount = Arrays.copyOf(lhsCount, capacity);
        }
        itemset[size] = set;
        rhsPosition[size] = position;
        lhsCount[size] = lhsSupport;
        size++;
    }

    /**
     * {@code count / lhsCount >= minConfidence} decided exactly: with the threshold as {@code numerator / 10^scale},
     * as {@code count * 10^scale >= numerator * lhsCount} in longs, which cannot overflow for scales up to 9.
     */
    static final class ConfidenceTest {
        private final long numerator;
        private final long denominator;
        private final BigDecimal threshold;

        ConfidenceTest(BigDecimal minConfidence) {
            BigDecimal stripped = minConfidence.stripTrailingZeros();
            if (stripped.scale() < 0) {
                stripped = stripped.setScale(0);
            }
            if (stripped.scale() <= 9) {
                numerator = stripped.unscaledValue().longValueExact();
                denominator = BigDecimal.TEN.pow(stripped.scale()).longValueExact();
                threshold = null;
            } else {
                numerator = 0;
                denominator = 0;
                threshold = stripped;
            }
        }

        boolean passes(int count, int lhsCount) {
            if (threshold == null) {
                return count * denominator >= numerator * lhsCount;
            }
            return BigDecimal.valueOf(count).compareTo(threshold.multiply(BigDecimal.valueOf(lhsCount))) >= 0;
        }
    }
}
