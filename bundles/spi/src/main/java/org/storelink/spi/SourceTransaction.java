package org.storelink.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.storelink.model.Sale;
import org.storelink.model.Violation;

/**
 * One transaction read from a source: a sale to record, one that is rejected with its problems, or one that is
 * excluded on purpose (a voided or training transaction, a non-sale record) and only counted.
 *
 * @param reference how the source names the transaction (receipt or sequence number, line number in a file)
 * @param kind what the source says the transaction is
 * @param sale the canonical sale when accepted, else {@code null}
 * @param problems why it was rejected or excluded; empty when accepted
 * @param businessDay the business day the source states (POSLog's BusinessDayDate), which may differ from the
 *        calendar day of a late transaction; {@code null} when the source states none
 */
public record SourceTransaction(String reference, Kind kind, Sale sale, List<Violation> problems,
                                LocalDate businessDay) {

    public enum Kind {
        /** A sale; returns are sales with negative lines. */
        SALE,
        /** A return or refund, recorded as a sale with negative lines. */
        RETURN,
        /** A transaction cancelled at the till: excluded and counted. */
        VOID,
        /** A training-mode transaction: excluded and counted. */
        TRAINING,
        /** A record that is not a sale (till open/close, cash pick-up ...): excluded and counted. */
        NON_SALE
    }

    public SourceTransaction {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        problems = List.copyOf(problems);
        if (sale != null && !problems.isEmpty()) {
            throw new IllegalArgumentException("an accepted transaction has no problems");
        }
    }

    public static SourceTransaction accepted(String reference, Kind kind, Sale sale) {
        return accepted(reference, kind, sale, null);
    }

    public static SourceTransaction accepted(String reference, Kind kind, Sale sale, LocalDate businessDay) {
        return new SourceTransaction(reference, kind, Objects.requireNonNull(sale, "sale"), List.of(), businessDay);
    }

    public static SourceTransaction rejected(String reference, List<Violation> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        return new SourceTransaction(reference, Kind.SALE, null, problems, null);
    }

    /** A void, training or non-sale record, kept out of the ledger on purpose. */
    public static SourceTransaction excluded(String reference, Kind kind, String why) {
        if (kind == Kind.SALE || kind == Kind.RETURN) {
            throw new IllegalArgumentException("sales and returns are accepted or rejected, not excluded");
        }
        return new SourceTransaction(reference, kind, null, List.of(new Violation("$", why)), null);
    }

    public boolean isAccepted() {
        return sale != null;
    }

    public boolean isExcluded() {
        return sale == null && (kind == Kind.VOID || kind == Kind.TRAINING || kind == Kind.NON_SALE);
    }

    public boolean isRejected() {
        return sale == null && !isExcluded();
    }
}
