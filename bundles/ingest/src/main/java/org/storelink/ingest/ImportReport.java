package org.storelink.ingest;

import java.util.List;
import java.util.Map;

import org.storelink.model.Violation;
import org.storelink.spi.SourceTransaction;

/**
 * The outcome of one import. Accepted sales were published durably (a resent one is accepted again and stored
 * once); rejected transactions are listed with their reasons; voided, training and non-sale records are counted.
 *
 * @param rejections the rejected transactions, at most {@link #MAX_LISTED} of them (the count is exact)
 * @param unreadable why the source could not be read to its end, or {@code null} when it was
 */
public record ImportReport(String sourceName, String storeId, String format, long accepted, long rejected,
                           Map<SourceTransaction.Kind, Long> excluded, List<Rejection> rejections,
                           String unreadable) {
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        excluded = Map.copyOf(excluded);
        rejections = List.copyOf(rejections);
    }

    public long excludedTotal() {
        return excluded.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean complete() {
        return unreadable == null;
    }

    /** A rejected transaction: how the source names it and what is wrong with it. */
    public record Rejection(String reference, List<Violation> problems) {
        public Rejection {
            problems = List.copyOf(problems);
        }
    }
}
