package org.storelink.statements;

import java.util.List;

import org.storelink.model.Violation;

/**
 * The outcome of importing one document.
 *
 * @param message the ISO 20022 message and version, e.g. {@code camt.053.001.02}, or null if not recognised
 * @param statements each statement (camt.053 {@code Stmt}) or notification (camt.054 {@code Ntfctn}); empty when
 *     the document could not be read
 * @param entriesBooked entries with status BOOK, each one settlement
 * @param entriesSkipped entries with any other status (PDNG, INFO, FUTR ...), not published
 * @param settlementsPublished settlements the broker took; 0 for a dry run or a rejected document
 * @param rejected why nothing was published, or null when the document was accepted
 * @param problems every problem found, each with its element path (e.g. {@code Stmt[1]/Ntry[3]/Amt})
 */
public record StatementImportReport(String sourceName, String message, boolean dryRun,
                                    List<StatementSummary> statements, int entriesBooked, int entriesSkipped,
                                    int settlementsPublished, String rejected, List<Violation> problems) {

    public StatementImportReport {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return rejected == null;
    }

    /**
     * One statement or notification.
     *
     * @param storeId the store the account is assigned to, or null
     * @param currency the account's currency ({@code Acct/Ccy}), else the one currency of its balances and
     *     entries, else null
     * @param entries all entries, booked or not
     * @param totals booked credits and debits per currency, in minor units; debits are negative
     */
    public record StatementSummary(String id, String account, String storeId, String currency, int entries,
                                   int booked, int skipped, List<CurrencyTotal> totals) {
        public StatementSummary {
            totals = List.copyOf(totals);
        }
    }

    /** Booked entries of one currency: the sum of credits (positive) and of debits (negative), in minor units. */
    public record CurrencyTotal(String currency, long credits, long debits) {
    }
}
