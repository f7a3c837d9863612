package org.storelink.baskets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.storelink.baskets.BasketRuleMiner;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;

/**
 * Labels become int ids, frequent items get ranks by descending count (ties: first seen first), each basket becomes
 * its sorted ranks in one FP-tree, {@link FpGrowth} finds the frequent itemsets and {@link RuleStore} the rules.
 */
@Component(service = BasketRuleMiner.class)
public final class FpGrowthMiner implements BasketRuleMiner {

    @Override
    public MiningResult mine(List<? extends Collection<String>> baskets, MiningParameters parameters) {
        Objects.requireNonNull(baskets, "baskets");
        Objects.requireNonNull(parameters, "parameters");
        int basketCount = baskets.size();

        // labels -> ids (by first appearance), each basket's distinct ids in input order
        Map<String, Integer> ids = new HashMap<>();
        List<String> labels = new ArrayList<>();
        IntList frequency = new IntList(256);
        IntList lastBasket = new IntList(256);
        IntList pool = new IntList(1024);
        int[] start = new int[basketCount + 1];
        int b = 0;
        for (Collection<String> basket : baskets) {
            if (basket == null) {
                throw new IllegalArgumentException("basket " + (b + 1) + " is null");
            }
            for (String label : basket) {
                if (label == null) {
                    throw new IllegalArgumentException("basket " + (b + 1) + " holds a null item");
                }
                Integer known = ids.get(label);
                int id;
                if (known == null) {
                    id = labels.size();
                    ids.put(label, id);
                    labels.add(label);
                    frequency.add(0);
                    lastBasket.add(-1);
                } else {
                    id = known;
                }
                if (lastBasket.data[id] != b) {
                    lastBasket.data[id] = b;
                    frequency.data[id]++;
                    pool.add(id);
                }
            }
            start[++b] = pool.size;
        }

        int minCount = parameters.minCount(basketCount);
        int distinct = labels.size();
        int[] rankOfId = new int[distinct];
        int[] idOfRank = frequentByCount(frequency.data, distinct, minCount);
        Arrays.fill(rankOfId, -1);
        for (int rank = 0; rank < idOfRank.length; rank++) {
            rankOfId[idOfRank[rank]] = rank;
        }
        int ranks = idOfRank.length;

        FpTree tree = new FpTree(ranks, Math.max(1024, pool.size / 4));
        tree.reset(ranks);
        for (int rank = 0; rank < ranks; rank++) {
            tree.globalItem[rank] = rank;
        }
        int[] path = new int[Math.max(1, ranks)];
        for (int basket = 0; basket < basketCount; basket++) {
            int length = 0;
            for (int p = start[basket]; p < start[basket + 1]; p++) {
                int rank = rankOfId[pool.data[p]];
                if (rank >= 0) {
                    path[length++] = rank;
                }
            }
            if (length > 0) {
                Arrays.sort(path, 0, length);
                tree.insert(path, 0, length, 1);
            }
        }

        ItemsetStore itemsets = FpGrowth.mine(tree, minCount, parameters.maxLength());
        RuleStore rules = RuleStore.generate(itemsets, basketCount, parameters.minConfidence());

        String[] labelOfRank = new String[ranks];
        int[] countOfRank = new int[ranks];
        for (int rank = 0; rank < ranks; rank++) {
            labelOfRank[rank] = labels.get(idOfRank[rank]);
            countOfRank[rank] = frequency.data[idOfRank[rank]];
        }
        int[] position = InputOrder.positions(pool.data, start, basketCount, rankOfId, ranks);
        return new FpGrowthResult(basketCount, distinct, minCount, labelOfRank, countOfRank, position, itemsets, rules);
    }

    /** Ids of the frequent items, most frequent first, ties by id. */
    private static int[] frequentByCount(int[] frequency, int distinct, int minCount) {
        long[] keys = new long[distinct];
        int n = 0;
        for (int id = 0; id < distinct; id++) {
            if (frequency[id] >= minCount) {
                keys[n++] = ((long) (Integer.MAX_VALUE - frequency[id]) << 32) | id;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (int) keys[i];
        }
        return ids;
    }
}
