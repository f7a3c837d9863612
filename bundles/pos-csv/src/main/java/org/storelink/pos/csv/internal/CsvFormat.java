package org.storelink.pos.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;
import org.storelink.model.Violation;
import org.storelink.pos.csv.internal.CsvProfile.Column;
import org.storelink.pos.csv.internal.CsvProfile.Field;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * CSV exports of legacy cash registers: one row per line item, consecutive rows with the same receipt number forming
 * one sale, read through the column profile in the feed's {@code csv.*} options (see the module README). The file is
 * streamed: only the rows of the receipt being read are held, each cut to the fields the profile reads.
 */
@Component(service = PosFormat.class, property = "storelink.format=csv")
public class CsvFormat implements PosFormat {

    /** Longest a row may run on, in characters; a longer one makes the file unreadable. */
    static final int MAX_ROW_CHARS = 1 << 20;

    /**
     * How many recent receipts are remembered to catch one whose rows are not consecutive: its second part would
     * share the first part's sale id and be dropped downstream as a resend.
     */
    static final int RECENT_RECEIPTS = 4096;

    private static final int MAX_HEADER_ECHO = 12;

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "Cash-register CSV exports, one row per line item (columns, charset, yuan or fen and in-store"
                + " barcodes from the feed's csv.* options)";
    }

    /**
     * @throws IllegalArgumentException when the feed's {@code csv.*} options are not a valid profile; the message
     *         names every invalid key (see {@link CsvProfile#from})
     */
    @Override
    public void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
            throws IOException, UnreadableSourceException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        CsvProfile profile = CsvProfile.from(context.options());
        new Reading(profile, context, sink).run(source);
    }

    static CSVFormat csvFormat(CsvProfile profile) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(profile.delimiter())
                .setQuote(profile.quote())
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setTrailingData(true)
                .setLenientEof(false)
                .get();
    }

    /** One read of one source. */
    private static final class Reading {

        private final CsvProfile profile;
        private final Consumer<SourceTransaction> sink;
        private final String source;
        private final ReceiptAssembler assembler;
        private final Map<String, Long> recent = new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RECENT_RECEIPTS;
            }
        };
        private Row.Columns columns;
        private Receipt pending;

        Reading(CsvProfile profile, SourceContext context, Consumer<SourceTransaction> sink) {
            this.profile = profile;
            this.sink = sink;
            this.source = context.sourceName() == null || context.sourceName().isBlank() ? "source"
                    : context.sourceName();
            this.assembler = new ReceiptAssembler(profile, context.store(), source);
            if (!profile.header()) {
                columns = byNumber(profile);
            }
        }

        void run(InputStream input) throws IOException, UnreadableSourceException {
            StrictDecodingReader reader = new StrictDecodingReader(input, profile.charset(), MAX_ROW_CHARS);
            long rowNumber = 0;
            boolean headerSeen = !profile.header();
            try (CSVParser parser = csvFormat(profile).parse(reader)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        throw unreadableOr(rowNumber + 1, e.getCause());
                    }
                    reader.rowEnded();
                    rowNumber = record.getRecordNumber();
                    if (rowNumber <= profile.skipRows() || isBlank(record)) {
                        continue;
                    }
                    if (!headerSeen) {
                        columns = byHeader(profile, record, rowNumber);
                        headerSeen = true;
                        continue;
                    }
                    Row row = Row.of(record, rowNumber, columns);
                    if (pending == null && !profile.header() && row.width() == 1 && row.needed() > 1) {
                        // without a header this is the first sign of a wrong delimiter: nothing would be readable
                        throw new UnreadableSourceException(source + ": row " + rowNumber
                                + ": the first row has a single column but the profile reads " + row.needed()
                                + "; is " + CsvProfile.DELIMITER + " (" + printable(profile.delimiter())
                                + ") right?");
                    }
                    row(row);
                }
            } catch (CSVException | StrictDecodingReader.UndecodableBytesException
                    | StrictDecodingReader.RowTooLongException e) {
                throw unreadableOr(rowNumber + 1, e);
            }
            if (!headerSeen) {
                throw new UnreadableSourceException(source + ": row " + (rowNumber + 1)
                        + ": expected a header row (" + CsvProfile.HEADER + " is true) but the file has no rows");
            }
            if (pending != null) {
                emit(pending);
                pending = null;
            }
        }

        private void row(Row row) {
            String key = row.text(Field.RECEIPT) + '\u0000' + row.text(Field.POS);
            if (pending != null && !pending.key().equals(key)) {
                emit(pending);
                pending = null;
            }
            if (pending == null) {
                pending = new Receipt(key, row, profile.maxRowsPerReceipt());
            } else {
                pending.add(row);
            }
        }

        private void emit(Receipt receipt) {
            ReceiptAssembler.Result result = assembler.assemble(receipt);
            SourceTransaction transaction = result.transaction();
            if (result.saleKey() != null) {
                Long earlier = recent.putIfAbsent(result.saleKey(), receipt.firstRow());
                if (earlier != null) {
                    List<Violation> problems = new ArrayList<>();
                    problems.add(new Violation("receiptNo", receipt.rowRange() + ": receipt "
                            + CsvProfile.clip(result.saleKey()) + " was already read at row " + earlier
                            + " of this file; the rows of one receipt must be consecutive"));
                    problems.addAll(transaction.problems());
                    transaction = SourceTransaction.rejected(transaction.reference(), problems);
                }
            }
            sink.accept(transaction);
        }

        /**
         * The source cannot be read as CSV for this profile (bad bytes, broken quoting, a row without end); any
         * other failure is the stream's and is thrown as it is.
         */
        private UnreadableSourceException unreadableOr(long row, IOException cause) throws IOException {
            if (cause instanceof CSVException || cause instanceof StrictDecodingReader.UndecodableBytesException
                    || cause instanceof StrictDecodingReader.RowTooLongException) {
                String hint = cause instanceof StrictDecodingReader.UndecodableBytesException
                        ? "; check " + CsvProfile.CHARSET + " (" + profile.charset().name() + ")" : "";
                return new UnreadableSourceException(source + ": row " + row + ": " + cause.getMessage() + hint,
                        cause);
            }
            throw cause;
        }

        private static String printable(char delimiter) {
            return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
        }

        private static boolean isBlank(CSVRecord record) {
            for (String value : record) {
                if (!value.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private static Row.Columns byNumber(CsvProfile profile) {
            int[] indexes = new int[Field.values().length];
            Arrays.fill(indexes, -1);
            profile.columns().forEach((field, column) -> indexes[field.ordinal()] = column.number() - 1);
            return Row.Columns.of(indexes);
        }

        private Row.Columns byHeader(CsvProfile profile, CSVRecord header, long rowNumber)
                throws UnreadableSourceException {
            int[] indexes = new int[Field.values().length];
            Arrays.fill(indexes, -1);
            List<String> names = header.toList().stream().map(String::strip).toList();
            for (Map.Entry<Field, Column> entry : profile.columns().entrySet()) {
                Column column = entry.getValue();
                int index;
                if (column.name() == null) {
                    index = column.number() - 1;
                    if (index >= names.size()) {
                        throw new UnreadableSourceException(source + ": row " + rowNumber + ": the header has "
                                + names.size() + " columns but " + entry.getKey().optionKey() + " is column "
                                + column.number());
                    }
                } else {
                    index = indexOf(names, column.name());
                    if (index < 0) {
                        throw new UnreadableSourceException(source + ": row " + rowNumber + ": the header has no column "
                                + column + " for " + entry.getKey().optionKey() + "; its columns are "
                                + echo(names) + " (is " + CsvProfile.CHARSET + " or " + CsvProfile.DELIMITER
                                + " wrong?)");
                    }
                }
                indexes[entry.getKey().ordinal()] = index;
            }
            return Row.Columns.of(indexes);
        }

        private static int indexOf(List<String> names, String wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(wanted)) {
                    return i;
                }
            }
            String folded = wanted.toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).equals(folded)) {
                    return i;
                }
            }
            return -1;
        }

        private static String echo(List<String> names) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.size() && i < MAX_HEADER_ECHO; i++) {
                text.append(i == 0 ? "" : ", ").append('"').append(CsvProfile.clip(names.get(i))).append('"');
            }
            if (names.size() > MAX_HEADER_ECHO) {
                text.append(", … (").append(names.size()).append(" in all)");
            }
            return text.toString();
        }
    }
}
