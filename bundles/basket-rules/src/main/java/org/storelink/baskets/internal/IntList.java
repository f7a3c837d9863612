package org.storelink.baskets.internal;

import java.util.Arrays;

/** A growable int array: the miner's storage without boxing. */
final class IntList {

    int[] data;
    int size;

    IntList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grow(data.length, size + 1));
        }
        data[size++] = value;
    }

    /** Makes room for {@code more} values after the current ones. */
    void reserve(int more) {
        int needed = size + more;
        if (needed > data.length) {
            data = Arrays.copyOf(data, grow(data.length, needed));
        }
    }

    int get(int index) {
        return data[index];
    }

    static int grow(int current, int needed) {
        long doubled = Math.max((long) current * 2, needed);
        if (needed < 0 || needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many values for one array: " + needed);
        }
        return (int) Math.min(doubled, Integer.MAX_VALUE - 8);
    }
}
