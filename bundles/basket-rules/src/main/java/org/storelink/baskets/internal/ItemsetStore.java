package org.storelink.baskets.internal;

import java.util.Arrays;

/**
 * Frequent itemsets packed in one int pool: itemset {@code i} is {@code pool[start[i]..start[i+1])}, its item ranks in
 * ascending order, with {@code count[i]}. After {@link #index()} an open-addressing hash table finds an itemset
 * from its items, in particular an itemset "minus one item" without building it.
 */
final class ItemsetStore {

    int[] pool = new int[1024];
    int poolSize;
    int[] start = new int[257];
    int[] count = new int[256];
    int size;

    private int[] table;
    private int mask;

    /** Reserves room for an itemset of {@code length} items; write them at {@link #poolSize} and call {@link #commit}. */
    void reserve(int length) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, IntList.grow(pool.length, poolSize + length));
        }
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, IntList.grow(start.length, size + 2));
            count = Arrays.copyOf(count, start.length);
        }
    }

    void commit(int length, int support) {
        poolSize += length;
        count[size] = support;
        size++;
        start[size] = poolSize;
    }

    int length(int set) {
        return start[set + 1] - start[set];
    }

    void index() {
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
        table = new int[capacity];
        mask = capacity - 1;
        for (int set = 0; set < size; set++) {
            int slot = hash(start[set], length(set), -1) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = set + 1;
        }
    }

    /** The index of the itemset {@code set} without its item at position {@code skip}, or -1. */
    int findWithout(int set, int skip) {
        int from = start[set];
        int length = length(set);
        int slot = hash(from, length, skip) & mask;
        for (int entry = table[slot]; entry != 0; entry = table[slot = (slot + 1) & mask]) {
            int candidate = entry - 1;
            if (length(candidate) == length - 1 && equalsWithout(start[candidate], from, length, skip)) {
                return candidate;
            }
        }
        return -1;
    }

    private boolean equalsWithout(int candidateFrom, int from, int length, int skip) {
        int c = candidateFrom;
        for (int i = 0; i < length; i++) {
            if (i != skip && pool[c++] != pool[from + i]) {
                return false;
            }
        }
        return true;
    }

    private int hash(int from, int length, int skip) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            if (i != skip) {
                h = (h ^ pool[from + i]) * 0x01000193;
            }
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
