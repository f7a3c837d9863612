package org.storelink.reconciliation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Reconciles one store's business day (in the store's own time zone). A run replaces that day's stored results;
 * each discrepancy found for the first time is published once on {@code storelink.reconciliation.discrepancy}.
 */
public interface Reconciliation {

    /**
     * Runs the reconciliation of the day now and stores its results.
     *
     * @throws IllegalArgumentException if the store is unknown
     */
    ReconciliationReport reconcile(String storeId, LocalDate businessDay);

    /** The results of the day's last run, without running it again; empty when it never ran. */
    Optional<ReconciliationReport> report(String storeId, LocalDate businessDay);
}
