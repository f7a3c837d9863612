package org.storelink.baskets.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * FP-growth (Han, Pei, Yin 2000) over {@link FpTree}s. Conditional trees keep the global item order (so prefix paths
 * need no sorting), are built from the header links of their parent, and are reused per recursion depth. A tree that
 * is a single path yields every combination of its items directly; a conditional base with one frequent item is
 * emitted without building a tree.
 */
final class FpGrowth {

    private final int minCount;
    private final int maxLength;
    private final ItemsetStore out = new ItemsetStore();
    private final List<FpTree> trees = new ArrayList<>();
    private final List<int[]> conditionalCounts = new ArrayList<>();
    private final List<int[]> localIds = new ArrayList<>();
    private final int[] suffix;
    private final int[] pathBuffer;
    private final IntList patternBase = new IntList(1024);
    private final int[] pathItem;
    private final int[] pathCount;
    private final int[] chosen;
    private int pathLength;
    private int pathSuffixLength;

    private FpGrowth(int items, int minCount, int maxLength) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        int longest = Math.max(1, items);
        suffix = new int[Math.min(longest, maxLength) + 1];
        pathBuffer = new int[longest];
        pathItem = new int[longest];
        pathCount = new int[longest];
        chosen = new int[longest];
    }

    /**
     * Mines {@code tree} (items numbered by global rank, all of them frequent) and returns every itemset of at most
     * {@code maxLength} items occurring at least {@code minCount} times.
     */
    static ItemsetStore mine(FpTree tree, int minCount, int maxLength) {
        FpGrowth growth = new FpGrowth(tree.items, minCount, maxLength);
        growth.trees.add(tree);
        if (tree.items > 0) {
            growth.grow(tree, 0, 0);
        }
        return growth.out;
    }

    private void grow(FpTree tree, int depth, int suffixLength) {
        if (!tree.branched) {
            minePath(tree, suffixLength);
            return;
        }
        int[] counts = scratch(conditionalCounts, depth, tree.items);
        int[] ids = scratch(localIds, depth, tree.items);
        int[] parent = tree.parent;
        int[] item = tree.item;
        for (int last = tree.items - 1; last >= 0; last--) {
            suffix[suffixLength] = tree.globalItem[last];
            emitSuffix(suffixLength + 1, tree.total[last]);
            if (suffixLength + 1 >= maxLength || last == 0) {
                continue;
            }
            // the conditional pattern base of `last`: its nodes' ancestors, weighted by the nodes' counts, copied
            // once as [weight, length, items leaf to root] so that the second pass reads memory in order
            IntList base = patternBase;
            base.size = 0;
            for (int node = tree.head[last]; node != 0; node = tree.link[node]) {
                int weight = tree.count[node];
                base.reserve(2 + last);
                int[] data = base.data;
                int at = base.size;
                data[at] = weight;
                int lengthAt = at + 1;
                at += 2;
                for (int a = parent[node]; a != 0; a = parent[a]) {
                    int it = item[a];
                    counts[it] += weight;
                    data[at++] = it;
                }
                data[lengthAt] = at - lengthAt - 1;
                base.size = at;
            }
            // counts is all zeros again after this loop, ready for the next item
            int frequent = 0;
            int only = -1;
            int onlyCount = 0;
            for (int j = 0; j < last; j++) {
                if (counts[j] >= minCount) {
                    ids[j] = frequent++;
                    only = j;
                    onlyCount = counts[j];
                } else {
                    ids[j] = -1;
                }
                counts[j] = 0;
            }
            if (frequent == 0) {
                continue;
            }
            if (frequent == 1) {
                suffix[suffixLength + 1] = tree.globalItem[only];
                emitSuffix(suffixLength + 2, onlyCount);
                continue;
            }
            FpTree conditional = tree(depth + 1, tree.items);
            conditional.reset(frequent);
            for (int j = 0; j < last; j++) {
                if (ids[j] >= 0) {
                    conditional.globalItem[ids[j]] = tree.globalItem[j];
                }
            }
            int[] buffer = pathBuffer;
            int end = buffer.length;
            int[] data = base.data;
            for (int at = 0; at < base.size; ) {
                int weight = data[at];
                int stop = at + 2 + data[at + 1];
                int from = end;
                for (at += 2; at < stop; at++) {
                    int id = ids[data[at]];
                    if (id >= 0) {
                        buffer[--from] = id;
                    }
                }
                if (from < end) {
                    conditional.insert(buffer, from, end, weight);
                }
            }
            grow(conditional, depth + 1, suffixLength + 1);
        }
    }

    /** Every combination of a single path's items is frequent; its count is that of its deepest node. */
    private void minePath(FpTree tree, int suffixLength) {
        int length = 0;
        for (int node = tree.firstChild[0]; node != 0; node = tree.firstChild[node]) {
            pathItem[length] = tree.globalItem[tree.item[node]];
            pathCount[length] = tree.count[node];
            length++;
        }
        pathLength = length;
        pathSuffixLength = suffixLength;
        int room = maxLength - suffixLength;
        if (length > 0 && room > 0) {
            combinations(0, 0, room);
        }
    }

    private void combinations(int from, int chosenLength, int room) {
        for (int j = from; j < pathLength; j++) {
            chosen[chosenLength] = pathItem[j];
            emitCombination(chosenLength + 1, pathCount[j]);
            if (chosenLength + 1 < room) {
                combinations(j + 1, chosenLength + 1, room);
            }
        }
    }

    /** The suffix is in descending rank order; store it ascending. */
    private void emitSuffix(int length, int support) {
        ItemsetStore store = out;
        store.reserve(length);
        int[] pool = store.pool;
        int at = store.poolSize;
        for (int i = length - 1; i >= 0; i--) {
            pool[at++] = suffix[i];
        }
        store.commit(length, support);
    }

    /** Path items are ascending and all rank before the suffix items. */
    private void emitCombination(int chosenLength, int support) {
        int length = chosenLength + pathSuffixLength;
        ItemsetStore store = out;
        store.reserve(length);
        int[] pool = store.pool;
        int at = store.poolSize;
        for (int i = 0; i < chosenLength; i++) {
            pool[at++] = chosen[i];
        }
        for (int i = pathSuffixLength - 1; i >= 0; i--) {
            pool[at++] = suffix[i];
        }
        store.commit(length, support);
    }

    private FpTree tree(int depth, int itemCapacity) {
        while (trees.size() <= depth) {
            trees.add(new FpTree(itemCapacity, 1024));
        }
        return trees.get(depth);
    }

    private static int[] scratch(List<int[]> arrays, int depth, int length) {
        while (arrays.size() <= depth) {
            arrays.add(new int[0]);
        }
        int[] array = arrays.get(depth);
        if (array.length < length) {
            array = new int[length];
            arrays.set(depth, array);
        }
        return array;
    }
}
