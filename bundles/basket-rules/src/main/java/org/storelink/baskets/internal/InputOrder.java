package org.storelink.baskets.internal;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The order items take in the input baskets, used to list the items of an itemset. Each basket says that each of its
 * items comes before the next one; a topological sort of these constraints (the earliest-seen item first among
 * those free to go) gives one total order. Any two items of a frequent itemset share a basket, so where the baskets
 * agree, their relative order is the one the baskets show. Contradictions are broken in favour of the item seen first.
 */
final class InputOrder {

    private InputOrder() {
    }

    /**
     * @param pool the baskets' item ids (ids number items by first appearance), basket {@code b} at
     *        {@code pool[start[b]..start[b+1])}
     * @param rankOfId each id's rank, -1 for items that are not frequent (left out)
     * @param ranks number of frequent items
     * @return each rank's position in the order
     */
    static int[] positions(int[] pool, int[] start, int baskets, int[] rankOfId, int ranks) {
        return (long) ranks * ranks <= MATRIX_BITS
                ? positionsWithMatrix(pool, start, baskets, rankOfId, ranks)
                : positionsWithEdgeList(pool, start, baskets, rankOfId, ranks);
    }

    /** Up to 2048 frequent items the "comes before" relation is a bit matrix (at most 512 KiB). */
    private static final long MATRIX_BITS = 2048L * 2048L;

    static int[] positionsWithMatrix(int[] pool, int[] start, int baskets, int[] rankOfId, int ranks) {
        long[] before = new long[(int) (((long) ranks * ranks + 63) >>> 6)];
        int[] inDegree = new int[ranks];
        for (int b = 0; b < baskets; b++) {
            int previous = -1;
            for (int p = start[b]; p < start[b + 1]; p++) {
                int rank = rankOfId[pool[p]];
                if (rank < 0) {
                    continue;
                }
                if (previous >= 0) {
                    long bit = (long) previous * ranks + rank;
                    int word = (int) (bit >>> 6);
                    long mask = 1L << bit;
                    if ((before[word] & mask) == 0) {
                        before[word] |= mask;
                        inDegree[rank]++;
                    }
                }
                previous = rank;
            }
        }
        int[] idOfRank = new int[ranks];
        for (int id = 0; id < rankOfId.length; id++) {
            if (rankOfId[id] >= 0) {
                idOfRank[rankOfId[id]] = id;
            }
        }
        boolean[] placed = new boolean[ranks];
        int[] position = new int[ranks];
        for (int next = 0; next < ranks; next++) {
            // the earliest-seen item that nothing left must precede; if none (a cycle), the earliest-seen one left
            int chosen = -1;
            int fallback = -1;
            for (int rank = 0; rank < ranks; rank++) {
                if (placed[rank]) {
                    continue;
                }
                if (inDegree[rank] == 0 && (chosen < 0 || idOfRank[rank] < idOfRank[chosen])) {
                    chosen = rank;
                }
                if (fallback < 0 || idOfRank[rank] < idOfRank[fallback]) {
                    fallback = rank;
                }
            }
            if (chosen < 0) {
                chosen = fallback;
            }
            placed[chosen] = true;
            position[chosen] = next;
            long row = (long) chosen * ranks;
            for (int rank = 0; rank < ranks; rank++) {
                long bit = row + rank;
                if ((before[(int) (bit >>> 6)] & (1L << bit)) != 0) {
                    inDegree[rank]--;
                }
            }
        }
        return position;
    }

    static int[] positionsWithEdgeList(int[] pool, int[] start, int baskets, int[] rankOfId, int ranks) {
        long[] edges = new long[16];
        int edgeCount = 0;
        for (int b = 0; b < baskets; b++) {
            int previous = -1;
            for (int p = start[b]; p < start[b + 1]; p++) {
                int id = pool[p];
                if (rankOfId[id] < 0) {
                    continue;
                }
                if (previous >= 0) {
                    if (edgeCount == edges.length) {
                        edges = Arrays.copyOf(edges, IntList.grow(edges.length, edgeCount + 1));
                    }
                    edges[edgeCount++] = ((long) previous << 32) | id;
                }
                previous = id;
            }
        }
        Arrays.sort(edges, 0, edgeCount);
        int ids = rankOfId.length;
        int[] firstEdge = new int[ids + 1];
        int[] target = new int[edgeCount];
        int[] inDegree = new int[ids];
        int unique = 0;
        for (int e = 0; e < edgeCount; e++) {
            if (e > 0 && edges[e] == edges[e - 1]) {
                continue;
            }
            int from = (int) (edges[e] >>> 32);
            int to = (int) edges[e];
            target[unique++] = to;
            firstEdge[from + 1]++;
            inDegree[to]++;
        }
        for (int id = 0; id < ids; id++) {
            firstEdge[id + 1] += firstEdge[id];
        }
        boolean[] placed = new boolean[ids];
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int id = 0; id < ids; id++) {
            if (rankOfId[id] >= 0 && inDegree[id] == 0) {
                free.add(id);
            }
        }
        int[] position = new int[ranks];
        int next = 0;
        int scan = 0;
        while (next < ranks) {
            int id;
            if (free.isEmpty()) {
                // a cycle: the baskets disagree; take the earliest-seen item left
                while (rankOfId[scan] < 0 || placed[scan]) {
                    scan++;
                }
                id = scan;
            } else {
                id = free.poll();
                if (placed[id]) {
                    continue;
                }
            }
            placed[id] = true;
            position[rankOfId[id]] = next++;
            for (int e = firstEdge[id]; e < firstEdge[id + 1]; e++) {
                int to = target[e];
                if (--inDegree[to] == 0 && !placed[to]) {
                    free.add(to);
                }
            }
        }
        return position;
    }
}
