package org.storelink.baskets.internal;

import java.util.function.IntBinaryOperator;

/** A stable merge sort of int indices with a primitive comparator (no boxing for millions of rules). */
final class IndexSort {

    private IndexSort() {
    }

    static void sort(int[] indices, IntBinaryOperator comparator) {
        int[] buffer = new int[indices.length];
        int[] from = indices;
        int[] to = buffer;
        for (int width = 1; width < indices.length; width *= 2) {
            for (int low = 0; low < indices.length; low += 2 * width) {
                int middle = Math.min(low + width, indices.length);
                int high = Math.min(low + 2 * width, indices.length);
                int i = low;
                int j = middle;
                int k = low;
                while (i < middle && j < high) {
                    to[k++] = comparator.applyAsInt(from[j], from[i]) < 0 ? from[j++] : from[i++];
                }
                while (i < middle) {
                    to[k++] = from[i++];
                }
                while (j < high) {
                    to[k++] = from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != indices) {
            System.arraycopy(from, 0, indices, 0, indices.length);
        }
    }
}
