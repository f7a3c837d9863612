package org.storelink.pos.csv.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive rows with the same receipt number (and register, when the profile reads one), being gathered. Holds
 * at most {@code maxRows} rows; beyond that it only counts them, so one receipt never takes more than a bounded
 * amount of memory.
 */
final class Receipt {

    private final String key;
    private final long firstRow;
    private final int maxRows;
    private final List<Row> rows = new ArrayList<>();
    private long lastRow;
    private long rowCount;

    Receipt(String key, Row first, int maxRows) {
        this.key = key;
        this.firstRow = first.number();
        this.maxRows = maxRows;
        add(first);
    }

    void add(Row row) {
        rowCount++;
        lastRow = row.number();
        if (rows.size() < maxRows) {
            rows.add(row);
        }
    }

    String key() {
        return key;
    }

    long firstRow() {
        return firstRow;
    }

    long lastRow() {
        return lastRow;
    }

    List<Row> rows() {
        return rows;
    }

    long rowCount() {
        return rowCount;
    }

    boolean isOverfull() {
        return rowCount > maxRows;
    }

    /** "row 7" or "rows 7-9", for messages about the receipt as a whole. */
    String rowRange() {
        return firstRow == lastRow ? "row " + firstRow : "rows " + firstRow + "-" + lastRow;
    }
}
