package org.storelink.baskets.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import org.storelink.baskets.AssociationRule;
import org.storelink.baskets.FrequentItemset;
import org.storelink.baskets.MiningResult;

/** The packed itemsets and rules, turned into records only when they are read. */
final class FpGrowthResult implements MiningResult {

    private final int baskets;
    private final int distinctItems;
    private final int minCount;
    private final int[] countOfRank;
    private final int[] positionOfRank;
    private final String[] labelAtPosition;
    private final ItemsetStore sets;
    private final RuleStore rules;

    /** each itemset's items as input-order positions, ascending; made on first read */
    private int[] ordered;
    /** rule indices in the documented order; made on first read */
    private int[] ruleOrder;

    FpGrowthResult(int baskets, int distinctItems, int minCount, String[] labelOfRank, int[] countOfRank,
            int[] positionOfRank, ItemsetStore sets, RuleStore rules) {
        this.baskets = baskets;
        this.distinctItems = distinctItems;
        this.minCount = minCount;
        this.countOfRank = countOfRank;
        this.positionOfRank = positionOfRank;
        this.labelAtPosition = new String[labelOfRank.length];
        for (int rank = 0; rank < labelOfRank.length; rank++) {
            labelAtPosition[positionOfRank[rank]] = labelOfRank[rank];
        }
        this.sets = sets;
        this.rules = rules;
    }

    @Override
    public int baskets() {
        return baskets;
    }

    @Override
    public int distinctItems() {
        return distinctItems;
    }

    @Override
    public int minCount() {
        return minCount;
    }

    @Override
    public List<FrequentItemset> itemsets() {
        return new View<>(sets.size) {
            @Override
            public FrequentItemset get(int index) {
                checkIndex(index);
                int[] items = ordered();
                return new FrequentItemset(labels(items, sets.start[index], sets.start[index + 1], -1),
                        (double) sets.count[index] / baskets, sets.count[index]);
            }
        };
    }

    @Override
    public List<AssociationRule> rules() {
        return new View<>(rules.size) {
            @Override
            public AssociationRule get(int index) {
                checkIndex(index);
                return rule(ruleOrder()[index]);
            }
        };
    }

    private AssociationRule rule(int r) {
        int set = rules.itemset[r];
        int count = sets.count[set];
        int rhsRank = sets.pool[sets.start[set] + rules.rhsPosition[r]];
        int rhsPosition = positionOfRank[rhsRank];
        List<String> lhs = labels(ordered(), sets.start[set], sets.start[set + 1], rhsPosition);
        return new AssociationRule(lhs, labelAtPosition[rhsPosition], (double) count / baskets,
                confidence(r), lift(r), count);
    }

    private double confidence(int r) {
        return (double) sets.count[rules.itemset[r]] / rules.lhsCount[r];
    }

    /**
     * confidence / support(rhs), evaluated as {@code confidence * baskets / count(rhs)}: that order of operations gives
     * arules' values to the last bit (checked on Groceries, where {@code confidence / (count(rhs) / baskets)} differs
     * in the 15th digit for 251 of 5668 rules).
     */
    private double lift(int r) {
        int set = rules.itemset[r];
        int rhsRank = sets.pool[sets.start[set] + rules.rhsPosition[r]];
        return confidence(r) * baskets / countOfRank[rhsRank];
    }

    private List<String> labels(int[] items, int from, int to, int skipPosition) {
        String[] out = new String[skipPosition < 0 ? to - from : to - from - 1];
        int k = 0;
        for (int p = from; p < to; p++) {
            if (items[p] != skipPosition) {
                out[k++] = labelAtPosition[items[p]];
            }
        }
        return Arrays.asList(out);
    }

    private synchronized int[] ordered() {
        if (ordered == null) {
            int[] items = new int[sets.poolSize];
            for (int p = 0; p < items.length; p++) {
                items[p] = positionOfRank[sets.pool[p]];
            }
            for (int set = 0; set < sets.size; set++) {
                Arrays.sort(items, sets.start[set], sets.start[set + 1]);
            }
            ordered = items;
        }
        return ordered;
    }

    private synchronized int[] ruleOrder() {
        if (ruleOrder == null) {
            int[] items = ordered();
            int n = rules.size;
            double[] lift = new double[n];
            double[] confidence = new double[n];
            int[] rhs = new int[n];
            for (int r = 0; r < n; r++) {
                lift[r] = lift(r);
                confidence[r] = confidence(r);
                rhs[r] = positionOfRank[sets.pool[sets.start[rules.itemset[r]] + rules.rhsPosition[r]]];
            }
            int[] order = new int[n];
            for (int r = 0; r < n; r++) {
                order[r] = r;
            }
            IndexSort.sort(order, (a, b) -> {
                int c = Double.compare(lift[b], lift[a]);
                if (c == 0) {
                    c = Double.compare(confidence[b], confidence[a]);
                }
                int setA = rules.itemset[a];
                int setB = rules.itemset[b];
                if (c == 0) {
                    c = Integer.compare(sets.count[setB], sets.count[setA]);
                }
                if (c == 0) {
                    c = Integer.compare(sets.length(setA), sets.length(setB));
                }
                if (c == 0) {
                    c = compareSkipping(items, sets.start[setA], sets.start[setA + 1], rhs[a],
                            sets.start[setB], rhs[b]);
                }
                return c != 0 ? c : Integer.compare(rhs[a], rhs[b]);
            });
            ruleOrder = order;
        }
        return ruleOrder;
    }

    /** Compares two left-hand sides of equal length, each an itemset without its right-hand item. */
    private static int compareSkipping(int[] items, int fromA, int toA, int skipA, int fromB, int skipB) {
        int a = fromA;
        int b = fromB;
        while (true) {
            while (a < toA && items[a] == skipA) {
                a++;
            }
            if (a >= toA) {
                return 0;
            }
            // equal lengths: B has an item left too
            while (items[b] == skipB) {
                b++;
            }
            int c = Integer.compare(items[a], items[b]);
            if (c != 0) {
                return c;
            }
            a++;
            b++;
        }
    }

    private abstract static class View<T> extends AbstractList<T> implements RandomAccess {
        private final int size;

        View(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        void checkIndex(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
        }
    }
}
