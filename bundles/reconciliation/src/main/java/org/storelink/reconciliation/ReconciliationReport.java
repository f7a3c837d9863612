package org.storelink.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of one store's business day, as of one run. */
public record ReconciliationReport(String storeId, LocalDate businessDay, Instant reconciledAt,
        List<ReconciliationResult> results) {

    public ReconciliationReport {
        results = List.copyOf(results);
    }

    /** How many lines each state has, in the order of {@link ResultState}; states without lines are left out. */
    public Map<ResultState, Long> counts() {
        Map<ResultState, Long> counts = new EnumMap<>(ResultState.class);
        for (ReconciliationResult result : results) {
            counts.merge(result.state(), 1L, Long::sum);
        }
        return counts;
    }

    public List<ReconciliationResult> discrepancies() {
        return results.stream().filter(result -> result.state().discrepancy()).toList();
    }
}
