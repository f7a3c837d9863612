package org.storelink.baskets.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The definitions, evaluated by brute force: itemsets grown one item at a time (only from frequent ones, which loses
 * nothing since a superset of an infrequent itemset is infrequent), every count found by scanning every basket,
 * thresholds compared in exact decimals. At most 64 distinct items.
 */
final class NaiveMiner {

    record Rule(int count, int lhsCount) {
    }

    record Result(Map<List<String>, Integer> itemsets, Map<String, Rule> rules, int[] itemCounts, List<String> items) {
    }

    private NaiveMiner() {
    }

    static Result mine(List<? extends Collection<String>> baskets, BigDecimal minSupport, BigDecimal minConfidence,
            int maxLength) {
        List<String> items = new ArrayList<>(new TreeSet<>(baskets.stream().flatMap(Collection::stream).toList()));
        if (items.size() > 64) {
            throw new IllegalArgumentException("the naive miner handles at most 64 items");
        }
        long[] masks = new long[baskets.size()];
        for (int b = 0; b < masks.length; b++) {
            for (String item : baskets.get(b)) {
                masks[b] |= 1L << items.indexOf(item);
            }
        }
        BigDecimal needed = minSupport.multiply(BigDecimal.valueOf(baskets.size()));
        Map<Long, Integer> frequent = new HashMap<>();
        List<Long> level = new ArrayList<>();
        level.add(0L);
        for (int length = 1; length <= maxLength && !level.isEmpty(); length++) {
            List<Long> next = new ArrayList<>();
            for (long set : level) {
                int highest = 63 - Long.numberOfLeadingZeros(set);
                for (int item = highest + 1; item < items.size(); item++) {
                    long candidate = set | (1L << item);
                    int count = count(masks, candidate);
                    if (count >= 1 && BigDecimal.valueOf(count).compareTo(needed) >= 0) {
                        frequent.put(candidate, count);
                        next.add(candidate);
                    }
                }
            }
            level = next;
        }
        Map<List<String>, Integer> itemsets = new HashMap<>();
        Map<String, Rule> rules = new HashMap<>();
        frequent.forEach((set, count) -> {
            itemsets.put(labels(items, set), count);
            for (long rest = set; rest != 0; rest &= rest - 1) {
                long rhs = Long.lowestOneBit(rest);
                long lhs = set & ~rhs;
                int lhsCount = count(masks, lhs);
                if (BigDecimal.valueOf(count).compareTo(minConfidence.multiply(BigDecimal.valueOf(lhsCount))) >= 0) {
                    rules.put(key(labels(items, lhs), items.get(Long.numberOfTrailingZeros(rhs))),
                            new Rule(count, lhsCount));
                }
            }
        });
        int[] itemCounts = new int[items.size()];
        for (int i = 0; i < itemCounts.length; i++) {
            itemCounts[i] = count(masks, 1L << i);
        }
        return new Result(itemsets, rules, itemCounts, items);
    }

    static String key(List<String> lhs, String rhs) {
        return new TreeSet<>(lhs) + " => " + rhs;
    }

    private static int count(long[] masks, long set) {
        int count = 0;
        for (long mask : masks) {
            if ((mask & set) == set) {
                count++;
            }
        }
        return count;
    }

    private static List<String> labels(List<String> items, long set) {
        List<String> labels = new ArrayList<>();
        for (long rest = set; rest != 0; rest &= rest - 1) {
            labels.add(items.get(Long.numberOfTrailingZeros(rest)));
        }
        return labels;
    }
}
