package org.storelink.pos.csv.internal;

import java.util.Arrays;

import org.apache.commons.csv.CSVRecord;
import org.storelink.pos.csv.internal.CsvProfile.Field;

/**
 * The fields of one CSV row that the profile reads, and nothing else, each cut to {@link #MAX_FIELD} characters, so
 * that a receipt held in memory is small whatever the rows carry.
 *
 * @param number the 1-based row number in the file, counting the header and skipped rows
 * @param width how many columns the row has
 * @param needed the highest 1-based column number the profile reads
 * @param values by {@link Field#ordinal()}: the value, or null when the field is not mapped or the row is too short
 * @param overlong bit {@code 1 << ordinal} set when the value was longer than {@link #MAX_FIELD} and was cut
 */
record Row(long number, int width, int needed, String[] values, int overlong) {

    static final int MAX_FIELD = 256;

    /** Where each field is in a row: 0-based indexes by {@link Field#ordinal()}, -1 when not mapped. */
    record Columns(int[] indexes, int needed) {

        static Columns of(int[] indexes) {
            return new Columns(indexes, Arrays.stream(indexes).max().orElse(-1) + 1);
        }

        boolean has(Field field) {
            return indexes[field.ordinal()] >= 0;
        }
    }

    static Row of(CSVRecord record, long number, Columns columns) {
        int width = record.size();
        Field[] fields = Field.values();
        String[] values = new String[fields.length];
        int overlong = 0;
        for (Field field : fields) {
            int index = columns.indexes()[field.ordinal()];
            if (index >= 0 && index < width) {
                String value = record.get(index);
                if (value.length() > MAX_FIELD) {
                    value = value.substring(0, MAX_FIELD);
                    overlong |= 1 << field.ordinal();
                }
                values[field.ordinal()] = value;
            }
        }
        return new Row(number, width, columns.needed(), values, overlong);
    }

    /** The value as written, or null when the field is not mapped (or beyond the row's end). */
    String raw(Field field) {
        return values[field.ordinal()];
    }

    /** The value without surrounding blanks; empty when absent. */
    String text(Field field) {
        String value = values[field.ordinal()];
        return value == null ? "" : value.strip();
    }

    boolean isOverlong(Field field) {
        return (overlong & (1 << field.ordinal())) != 0;
    }

    boolean isShort() {
        return width < needed;
    }
}
