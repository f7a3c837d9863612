package ${package}.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * POS format {@value #NAME}: ${formatDescription}.
 *
 * <p>One line per item, six fields separated by {@code ;}, in UTF-8:
 * <pre>
 * receipt;time;gtin;quantity;unitPriceMinor;tender
 * A1001;2026-11-26T09:15:30+08:00;6901234567892;2;350;alipay
 * </pre>
 * Consecutive lines with the same receipt number are one sale. The source is read as a stream: only the lines of
 * the receipt being read are held, so a file of any length is read in constant memory. The bundle's README.md
 * describes the format and says what to change for a real cash register's export.
 *
 * <p>This class is a Declarative Services component offering {@link PosFormat}: storelink's ingest runtime picks
 * it up when the bundle starts and finds it by {@link #name()}. It keeps no state between reads, so it is safe to
 * call from several threads at once.
 */
@Component(service = PosFormat.class, property = "storelink.format=" + ${formatClass}Format.NAME)
public class ${formatClass}Format implements PosFormat {

    /** The name in {@code storelink:import FILE --store ID --format ${formatName}} and in drop folder configurations. */
    public static final String NAME = "${formatName}";

    /** The optional header; when present it is the first line that is neither blank nor a comment. */
    static final String HEADER = "receipt;time;gtin;quantity;unitPriceMinor;tender";
    static final String SEPARATOR = ";";
    static final int FIELDS = 6;

    /** Feed options (the drop folder's {@code options}, or {@code --option} on the console). */
    static final String CURRENCY_OPTION = NAME + ".currency";
    static final String POS_OPTION = NAME + ".pos";
    static final String DEFAULT_CURRENCY = "CNY";

    /** The charset of the files: change it here (or make it an option) for a register that writes GBK. */
    static final Charset CHARSET = StandardCharsets.UTF_8;

    /** A longer line makes the source unreadable instead of filling memory. */
    static final int MAX_LINE_BYTES = 4096;

    /** A receipt with more lines is rejected; the lines past this are counted, not held. */
    static final int MAX_LINES_PER_RECEIPT = 1000;

    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Up to 999999.999: below SaleValidator.MAX_QUANTITY, and never an exponent such as 1E+999999999. */
    private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?");
    private static final Pattern MINOR_UNITS = Pattern.compile("[0-9]{1,13}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "${formatDescription}";
    }

    @Override
    public void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
            throws IOException, UnreadableSourceException {
        Settings settings = Settings.of(context);
        LineReader lines = new LineReader(source, context.sourceName(), CHARSET, MAX_LINE_BYTES);
        Receipt receipt = null;
        boolean headerAllowed = true;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (headerAllowed) {
                headerAllowed = false;
                if (line.strip().equals(HEADER)) {
                    continue;
                }
            }
            String[] fields = line.split(SEPARATOR, -1);
            if (fields.length != FIELDS) {
                // The receipt being read is not handed over: its other lines may be lost with the rest of the file.
                throw new UnreadableSourceException(context.sourceName() + ": line " + lines.number() + ": expected "
                        + FIELDS + " fields separated by '" + SEPARATOR + "' (" + HEADER + ") but found "
                        + fields.length + "; is this a " + NAME + " file?");
            }
            String receiptNo = fields[0].strip();
            if (receipt != null && !receipt.receiptNo.equals(receiptNo)) {
                sink.accept(receipt.transaction());
                receipt = null;
            }
            if (receipt == null) {
                receipt = new Receipt(context, settings, lines.number(), receiptNo);
            }
            receipt.add(lines.number(), fields);
        }
        if (receipt != null) {
            sink.accept(receipt.transaction());
        }
    }

    /** The feed's options, checked before a byte is read. */
    record Settings(String currency, String posId) {

        static Settings of(SourceContext context) {
            List<String> problems = new ArrayList<>();
            for (String key : context.options().keySet()) {
                if (key.startsWith(NAME + ".") && !key.equals(CURRENCY_OPTION) && !key.equals(POS_OPTION)) {
                    problems.add(key + ": unknown option; the options are " + CURRENCY_OPTION + " and " + POS_OPTION);
                }
            }
            String currency = context.option(CURRENCY_OPTION).orElse(DEFAULT_CURRENCY);
            try {
                Money.exponent(currency);
            } catch (IllegalArgumentException e) {
                problems.add(CURRENCY_OPTION + ": " + e.getMessage());
            }
            String posId = context.option(POS_OPTION).orElse(NAME);
            if (posId.isBlank() || posId.length() > SaleValidator.MAX_ID_LENGTH || posId.contains("/")) {
                problems.add(POS_OPTION + ": must be 1-" + SaleValidator.MAX_ID_LENGTH + " characters without '/'");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid " + NAME + " options: " + String.join("; ", problems));
            }
            return new Settings(currency, posId);
        }
    }

    /**
     * The lines of one receipt, checked as they arrive. Every problem is kept with the path it has in the
     * canonical sale ({@code lines[1].quantity}) and the line it is on, so the store can fix its file in one go.
     */
    private static final class Receipt {
        private final SourceContext context;
        private final Settings settings;
        private final int firstLine;
        private final String receiptNo;
        private final List<SaleLine> lines = new ArrayList<>();
        private final List<Violation> problems = new ArrayList<>();
        private String timeText;
        private String tenderText;
        private OffsetDateTime occurredAt;
        private TenderType tender;
        private int count;

        Receipt(SourceContext context, Settings settings, int firstLine, String receiptNo) {
            this.context = context;
            this.settings = settings;
            this.firstLine = firstLine;
            this.receiptNo = receiptNo;
            if (!RECEIPT_NO.matcher(receiptNo).matches()) {
                problem("receiptNo", firstLine, quote(receiptNo)
                        + " is not a receipt number: 1-64 letters, digits, '.', '_' or '-'");
            }
        }

        void add(int number, String[] fields) {
            count++;
            if (count > MAX_LINES_PER_RECEIPT) {
                if (count == MAX_LINES_PER_RECEIPT + 1) {
                    problem("lines", number, "the receipt has more than " + MAX_LINES_PER_RECEIPT + " lines");
                }
                return;
            }
            String time = fields[1].strip();
            String tenderLabel = fields[5].strip();
            if (count == 1) {
                timeText = time;
                tenderText = tenderLabel;
                occurredAt = time(time, number);
                tender = tender(tenderLabel, number);
            } else {
                if (!time.equals(timeText)) {
                    problem("occurredAt", number, quote(time) + " differs from " + quote(timeText) + " on line "
                            + firstLine + "; the lines of a receipt share one time");
                }
                if (!tenderLabel.equals(tenderText)) {
                    problem("tenders[0].type", number, quote(tenderLabel) + " differs from " + quote(tenderText)
                            + " on line " + firstLine + "; the lines of a receipt share one tender");
                }
            }
            String at = "lines[" + (count - 1) + "]";
            Gtin gtin = gtin(at, fields[2].strip(), number);
            BigDecimal quantity = quantity(at, fields[3].strip(), number);
            Long unitPrice = unitPrice(at, fields[4].strip(), number);
            if (gtin != null && quantity != null && unitPrice != null) {
                lines.add(new SaleLine(count, gtin, null, quantity, unitPrice, 0, null, null));
            }
        }

        SourceTransaction transaction() {
            String reference = context.sourceName() + ":" + firstLine + "#" + receiptNo;
            if (!problems.isEmpty()) {
                return SourceTransaction.rejected(reference, problems);
            }
            long total = 0;
            try {
                for (SaleLine line : lines) {
                    total = Math.addExact(total, line.amount());
                }
            } catch (ArithmeticException e) {
                return SourceTransaction.rejected(reference, List.of(new Violation("lines",
                        "line " + firstLine + ": the receipt's amounts add up to more than a long can hold")));
            }
            // One tender for the whole receipt, of exactly what the lines come to: this format states no change.
            Sale sale = new Sale(context.store().id(), settings.posId(), receiptNo, occurredAt, settings.currency(),
                    lines, 0, 0, List.of(), List.of(new Tender(tender, total, null)), 0, null, null, null);
            List<Violation> invalid = SaleValidator.validate(sale);
            if (!invalid.isEmpty()) {
                return SourceTransaction.rejected(reference, invalid.stream()
                        .map(v -> new Violation(v.path(), "line " + firstLine + ": " + v.message())).toList());
            }
            return SourceTransaction.accepted(reference, SourceTransaction.Kind.SALE, sale);
        }

        /** With an offset, as written; without one, in the store's own time zone. */
        private OffsetDateTime time(String text, int number) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(context.store().zone()).toOffsetDateTime();
                } catch (DateTimeException e) {
                    problem("occurredAt", number, quote(text)
                            + " is not a time such as 2026-11-26T09:15:30+08:00 or 2026-11-26T09:15:30");
                    return null;
                }
            }
        }

        private TenderType tender(String label, int number) {
            try {
                return TenderType.parse(label);
            } catch (IllegalArgumentException e) {
                problem("tenders[0].type", number, e.getMessage());
                return null;
            }
        }

        private Gtin gtin(String at, String text, int number) {
            var problem = Gtin.problem(text);
            if (problem.isPresent()) {
                problem(at + ".gtin", number, problem.get());
                return null;
            }
            return Gtin.parse(text);
        }

        private BigDecimal quantity(String at, String text, int number) {
            if (!QUANTITY.matcher(text).matches()) {
                problem(at + ".quantity", number, quote(text)
                        + " is not a quantity: up to 6 digits, optionally with up to 3 decimals (0.750)");
                return null;
            }
            return new BigDecimal(text);
        }

        private Long unitPrice(String at, String text, int number) {
            if (!MINOR_UNITS.matcher(text).matches()) {
                problem(at + ".unitPrice", number, quote(text)
                        + " is not an amount in minor units (fen, cents): up to 13 digits, such as 350");
                return null;
            }
            return Long.parseLong(text);
        }

        private void problem(String path, int number, String message) {
            problems.add(new Violation(path, "line " + number + ": " + message));
        }

        private static String quote(String text) {
            return "\"" + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + "\"";
        }
    }
}
