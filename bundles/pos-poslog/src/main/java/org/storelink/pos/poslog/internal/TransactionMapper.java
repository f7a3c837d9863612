package org.storelink.pos.poslog.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Violation;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.SourceTransaction.Kind;

/**
 * Maps one POSLog {@code Transaction} element to a {@link SourceTransaction}: excluded (training, void, non-sale),
 * accepted or rejected with every problem named. Stateless apart from the read's settings.
 */
final class TransactionMapper {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionMapper.class);

    static final int MAX_ID = 64;

    private final String ns;
    private final ReadSettings settings;

    TransactionMapper(String ns, ReadSettings settings) {
        this.ns = ns;
        this.settings = settings;
    }

    /** What identifies a transaction, read before anything else so that every outcome can name it. */
    record Header(String retailStoreId, String workstationId, String sequenceNumber, String reference,
                  LocalDate businessDay, Violation businessDayProblem) {
    }

    SourceTransaction map(Node transaction, int ordinal, int line) {
        String fallback = fallbackReference(ordinal, line);
        try {
            return mapChecked(transaction, fallback);
        } catch (RuntimeException e) {
            // A bug here must cost one transaction, not the file; the fuzz test makes sure it does not happen.
            LOG.warn("poslog: could not map {} of {}", fallback, settings.sourceName(), e);
            return new SourceTransaction(fallback, Kind.SALE, null,
                    List.of(new Violation("$", "internal error while reading this transaction: " + e)), null);
        }
    }

    /** A transaction skipped unread because it broke a size limit. */
    SourceTransaction oversized(int ordinal, int line, String why) {
        return new SourceTransaction(fallbackReference(ordinal, line), Kind.SALE, null,
                List.of(new Violation("$", why)), null);
    }

    private static String fallbackReference(int ordinal, int line) {
        return "transaction " + ordinal + " (line " + line + ")";
    }

    private SourceTransaction mapChecked(Node tx, String fallback) {
        Header header = header(tx, fallback);
        Node retail = tx.child(ns, "RetailTransaction");

        if (tx.flag("TrainingModeFlag") || retail != null && retail.flag("TrainingModeFlag")) {
            return excluded(header, Kind.TRAINING, "TrainingModeFlag is true: a training transaction");
        }
        String voided = voided(tx, retail);
        if (voided != null) {
            return excluded(header, Kind.VOID, voided);
        }
        if (tx.flag("SuspendFlag") || retail != null && "suspended".equals(lower(retail.attribute("TransactionStatus")))) {
            return excluded(header, Kind.NON_SALE, "suspended at the till; it is completed by a later transaction");
        }
        if (retail == null) {
            return excluded(header, Kind.NON_SALE, bodyName(tx) + ": not a sale");
        }
        if (!hasContent(retail)) {
            return excluded(header, Kind.NON_SALE, "RetailTransaction without items or tenders: not a sale");
        }
        return new SaleDraft(ns, settings, header, tx, retail).build();
    }

    private Header header(Node tx, String fallback) {
        String store = clip(tx.childText(ns, "RetailStoreID"));
        if (store == null) {
            Node unit = tx.child(ns, "BusinessUnit");
            store = unit == null ? null : clip(unit.childText(ns, "UnitID"));
        }
        String workstation = clip(tx.childText(ns, "WorkstationID"));
        String sequence = clip(tx.childText(ns, "SequenceNumber"));
        String reference = store != null && workstation != null && sequence != null
                ? store + "/" + workstation + "/" + sequence
                : fallback + " " + (store == null ? "?" : store) + "/" + (workstation == null ? "?" : workstation)
                        + "/" + (sequence == null ? "?" : sequence);
        LocalDate day = null;
        Violation dayProblem = null;
        String dayText = tx.childText(ns, "BusinessDayDate");
        if (dayText != null) {
            try {
                day = LocalDate.parse(dayText, DateTimeFormatter.ISO_DATE);
            } catch (DateTimeParseException e) {
                dayProblem = new Violation("businessDay",
                        "BusinessDayDate \"" + clip(dayText) + "\" is not a date such as 2017-09-30");
            }
        }
        return new Header(store, workstation, sequence, reference, day, dayProblem);
    }

    private String voided(Node tx, Node retail) {
        for (Node node : retail == null ? List.of(tx) : List.of(tx, retail)) {
            if (node.flag("CancelFlag")) {
                return node.name() + " CancelFlag is true: cancelled at the till";
            }
            if (node.flag("VoidFlag")) {
                return node.name() + " VoidFlag is true: voided at the till";
            }
        }
        String status = retail == null ? null : lower(retail.attribute("TransactionStatus"));
        if (status != null && (status.equals("voided") || status.equals("cancelled") || status.equals("canceled")
                || status.equals("postvoided"))) {
            return "TransactionStatus " + retail.attribute("TransactionStatus") + ": voided at the till";
        }
        return null;
    }

    private String bodyName(Node tx) {
        for (Node child : tx.children()) {
            if (child.name().endsWith("Transaction") || child.name().endsWith("Log")) {
                return child.name();
            }
        }
        return "no RetailTransaction";
    }

    private boolean hasContent(Node retail) {
        for (Node item : retail.children(ns, "LineItem")) {
            if (item.child(ns, "Sale") != null || item.child(ns, "Return") != null || item.child(ns, "Tender") != null) {
                return true;
            }
        }
        return false;
    }

    private SourceTransaction excluded(Header header, Kind kind, String why) {
        return new SourceTransaction(header.reference(), kind, null, List.of(new Violation("$", why)),
                header.businessDay());
    }

    /**
     * A POSLog date-time: with an offset or zone as given, without one in the store's zone (in a gap the clock
     * moves forward; in an overlap the earlier offset wins, as {@link java.time.ZonedDateTime} decides).
     */
    static OffsetDateTime dateTime(String text, ZoneId zone) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(zone).toOffsetDateTime();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Untrusted text for ids and messages, cut to a length that cannot run on. */
    static String clip(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_ID + 16 ? value : value.substring(0, MAX_ID + 16) + "…";
    }
}
