package org.storelink.baskets.internal;

import java.util.Arrays;

/**
 * An FP-tree in parallel arrays. Node 0 is the root. Items are local ids {@code 0..items-1}, numbered in the global
 * frequency order (0 the most frequent), and every path runs from smaller to larger ids, so a node's ancestors all
 * have smaller ids than it. {@code head}/{@code link} chain the nodes of each item; {@code total} is an item's count.
 */
final class FpTree {

    int items;
    /** local id -> global item rank */
    int[] globalItem;
    int[] head;
    int[] total;
    /** local id -> the root's child with that item, 0 if none: the root has the most children by far */
    int[] rootChild;

    int size;
    int[] item;
    int[] count;
    int[] parent;
    int[] link;
    int[] firstChild;
    int[] nextSibling;
    /** false while the tree is a single path */
    boolean branched;

    FpTree(int itemCapacity, int nodeCapacity) {
        globalItem = new int[Math.max(1, itemCapacity)];
        head = new int[globalItem.length];
        total = new int[globalItem.length];
        rootChild = new int[globalItem.length];
        int nodes = Math.max(16, nodeCapacity);
        item = new int[nodes];
        count = new int[nodes];
        parent = new int[nodes];
        link = new int[nodes];
        firstChild = new int[nodes];
        nextSibling = new int[nodes];
    }

    /** Empties the tree for {@code itemCount} items; the caller fills {@link #globalItem}. */
    void reset(int itemCount) {
        if (itemCount > globalItem.length) {
            int capacity = Math.max(itemCount, globalItem.length * 2);
            globalItem = new int[capacity];
            head = new int[capacity];
            total = new int[capacity];
            rootChild = new int[capacity];
        } else {
            Arrays.fill(head, 0, itemCount, 0);
            Arrays.fill(total, 0, itemCount, 0);
            Arrays.fill(rootChild, 0, itemCount, 0);
        }
        items = itemCount;
        size = 1;
        firstChild[0] = 0;
        branched = false;
    }

    /** Adds the path {@code path[from..to)} (ascending local ids) with the given weight. */
    void insert(int[] path, int from, int to, int weight) {
        int node = 0;
        for (int p = from; p < to; p++) {
            int it = path[p];
            int child;
            int previous = 0;
            if (node == 0) {
                child = rootChild[it];
            } else {
                child = firstChild[node];
                while (child != 0 && item[child] != it) {
                    previous = child;
                    child = nextSibling[child];
                }
            }
            if (child != 0 && previous != 0) {
                // move to front: the next baskets most likely take the same popular branch
                nextSibling[previous] = nextSibling[child];
                nextSibling[child] = firstChild[node];
                firstChild[node] = child;
            } else if (child == 0) {
                if (size == item.length) {
                    growNodes();
                }
                child = size++;
                item[child] = it;
                count[child] = 0;
                parent[child] = node;
                firstChild[child] = 0;
                if (firstChild[node] != 0) {
                    branched = true;
                }
                nextSibling[child] = firstChild[node];
                firstChild[node] = child;
                link[child] = head[it];
                head[it] = child;
                if (node == 0) {
                    rootChild[it] = child;
                }
            }
            count[child] += weight;
            total[it] += weight;
            node = child;
        }
    }

    private void growNodes() {
        int capacity = IntList.grow(item.length, size + 1);
        item = Arrays.copyOf(item, capacity);
        count = Arrays.copyOf(count, capacity);
        parent = Arrays.copyOf(parent, capacity);
        link = Arrays.copyOf(link, capacity);
        firstChild = Arrays.copyOf(firstChild, capacity);
        nextSibling = Arrays.copyOf(nextSibling, capacity);
    }
}
