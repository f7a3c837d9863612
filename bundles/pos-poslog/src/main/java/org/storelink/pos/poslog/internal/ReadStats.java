package org.storelink.pos.poslog.internal;

/**
 * What a read held in memory, for tests that check the reader streams: the largest number of elements it kept at
 * once is the size of the largest single transaction, never a sum over transactions.
 */
final class ReadStats {

    private long transactions;
    private int largestHeld;

    void held(int elements) {
        transactions++;
        largestHeld = Math.max(largestHeld, elements);
    }

    long transactions() {
        return transactions;
    }

    int largestHeld() {
        return largestHeld;
    }
}
