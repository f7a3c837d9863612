package org.storelink.pos.csv.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.storelink.model.Money;
import org.storelink.model.SaleValidator;
import org.storelink.model.TenderType;

/**
 * How one cash-register model writes its CSV export: charset, delimiter, which column holds what, how amounts and
 * times are written, how payment labels map to tender types and which in-store barcode prefixes embed a price or a
 * weight. Read from the {@code csv.*} keys of a feed's options; every key and its default is in the module README.
 * Immutable and safe to share between threads.
 */
public final class CsvProfile {

    public static final String PREFIX = "csv.";
    public static final String CHARSET = "csv.charset";
    public static final String DELIMITER = "csv.delimiter";
    public static final String QUOTE = "csv.quote";
    public static final String HEADER = "csv.header";
    public static final String SKIP_ROWS = "csv.skipRows";
    public static final String COLUMNS = "csv.columns.";
    public static final String AMOUNTS = "csv.amounts";
    public static final String CURRENCY = "csv.currency";
    public static final String TIME_FORMAT = "csv.timeFormat";
    public static final String POS = "csv.pos";
    public static final String TENDER = "csv.tender";
    public static final String TENDER_MAP = "csv.tenderMap.";
    public static final String IN_STORE = "csv.instore.";
    public static final String RECEIPT_SCOPE = "csv.receiptScope";
    public static final String MAX_ROWS_PER_RECEIPT = "csv.maxRowsPerReceipt";

    public static final String DEFAULT_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss";
    public static final String DEFAULT_POS = "csv";
    public static final String DEFAULT_CURRENCY = "CNY";
    public static final int DEFAULT_MAX_ROWS_PER_RECEIPT = 1000;

    /** Highest 1-based column number a profile may name. */
    static final int MAX_COLUMN = 1024;
    static final int MAX_SKIP_ROWS = 1000;
    static final int MAX_ROWS_LIMIT = 100_000;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern FEN = Pattern.compile("[+-]?[0-9]{1,19}");
    private static final int MAX_ECHO = 40;

    /** What a column can hold; the key of each is {@code csv.columns.<key>}. */
    public enum Field {
        RECEIPT("receipt", true),
        DATE("date", false),
        TIME("time", true),
        POS("pos", false),
        GTIN("gtin", true),
        NAME("name", false),
        QUANTITY("quantity", false),
        UNIT_PRICE("unitPrice", true),
        LINE_AMOUNT("lineAmount", false),
        DISCOUNT("discount", false),
        TENDER("tender", false),
        TENDER_AMOUNT("tenderAmount", false),
        REFERENCE("reference", false);

        private final String key;
        private final boolean required;

        Field(String key, boolean required) {
            this.key = key;
            this.required = required;
        }

        public String key() {
            return key;
        }

        public String optionKey() {
            return COLUMNS + key;
        }

        public boolean required() {
            return required;
        }

        static Optional<Field> byKey(String key) {
            for (Field field : values()) {
                if (field.key.equals(key)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether amounts are written in major units with decimals ("3.50") or whole minor units ("350"). */
    public enum Amounts {
        YUAN, FEN
    }

    /** Whether receipt numbers are unique on a register, or restart every day. */
    public enum ReceiptScope {
        REGISTER, DAY
    }

    /** What the five value digits of an in-store barcode (GS1 prefix 20-29) hold. */
    public enum InStoreValue {
        /** The price of the item in minor units. */
        PRICE,
        /** The weight of the item in grams. */
        WEIGHT
    }

    /**
     * Where a field is read: by header name, or by 1-based column number.
     *
     * @param name the header name, or null when given by number
     * @param number the 1-based column number, or 0 when given by name
     */
    public record Column(String name, int number) {
        @Override
        public String toString() {
            return name != null ? "\"" + name + "\"" : "column " + number;
        }
    }

    private final Charset charset;
    private final char delimiter;
    private final Character quote;
    private final boolean header;
    private final int skipRows;
    private final Map<Field, Column> columns;
    private final Amounts amounts;
    private final String currency;
    private final String timeFormatPattern;
    private final DateTimeFormatter timeFormat;
    private final String pos;
    private final TenderType defaultTender;
    private final Map<String, TenderType> tenderMap;
    private final Map<String, TenderType> tenderMapIgnoringCase;
    private final Map<Integer, InStoreValue> inStore;
    private final ReceiptScope receiptScope;
    private final int maxRowsPerReceipt;

    private CsvProfile(Parse parse) {
        this.charset = parse.charset;
        this.delimiter = parse.delimiter;
        this.quote = parse.quote;
        this.header = parse.header;
        this.skipRows = parse.skipRows;
        this.columns = Collections.unmodifiableMap(new EnumMap<>(parse.columns));
        this.amounts = parse.amounts;
        this.currency = parse.currency;
        this.timeFormatPattern = parse.timeFormatPattern;
        this.timeFormat = parse.timeFormat;
        this.pos = parse.pos;
        this.defaultTender = parse.defaultTender;
        this.tenderMap = Map.copyOf(parse.tenderMap);
        Map<String, TenderType> folded = new HashMap<>();
        parse.tenderMap.forEach((label, type) -> folded.putIfAbsent(label.toLowerCase(Locale.ROOT), type));
        this.tenderMapIgnoringCase = Map.copyOf(folded);
        this.inStore = Map.copyOf(parse.inStore);
        this.receiptScope = parse.receiptScope;
        this.maxRowsPerReceipt = parse.maxRowsPerReceipt;
    }

    /**
     * Reads and validates a profile.
     *
     * @param options a feed's options; keys not starting with {@code csv.} belong to others and are ignored
     * @throws IllegalArgumentException naming every invalid key, one problem per {@code "; "}-separated part
     */
    public static CsvProfile from(Map<String, String> options) {
        Parse parse = new Parse(options);
        if (!parse.problems.isEmpty()) {
            throw new IllegalArgumentException("invalid CSV profile: " + String.join("; ", parse.problems));
        }
        return new CsvProfile(parse);
    }

    /**
     * Every problem of a profile, each starting with the key it concerns ({@code "csv.amounts: must be ..."}); empty
     * when {@link #from} would succeed.
     */
    public static List<String> problems(Map<String, String> options) {
        return List.copyOf(new Parse(options).problems);
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The quote character, or null when fields are never quoted. */
    public Character quote() {
        return quote;
    }

    public boolean header() {
        return header;
    }

    public int skipRows() {
        return skipRows;
    }

    public Map<Field, Column> columns() {
        return columns;
    }

    public Optional<Column> column(Field field) {
        return Optional.ofNullable(columns.get(field));
    }

    public Amounts amounts() {
        return amounts;
    }

    public String currency() {
        return currency;
    }

    public String timeFormatPattern() {
        return timeFormatPattern;
    }

    public String pos() {
        return pos;
    }

    public Optional<TenderType> defaultTender() {
        return Optional.ofNullable(defaultTender);
    }

    public Map<Integer, InStoreValue> inStore() {
        return inStore;
    }

    public ReceiptScope receiptScope() {
        return receiptScope;
    }

    public int maxRowsPerReceipt() {
        return maxRowsPerReceipt;
    }

    /**
     * The tender type of a payment label: a {@code csv.tenderMap.<label>} entry (exact, then ignoring case), else the
     * tender type's own name ({@code cash}, {@code alipay} ...), else empty.
     */
    public Optional<TenderType> tenderType(String label) {
        String trimmed = label.strip();
        TenderType mapped = tenderMap.get(trimmed);
        if (mapped == null) {
            mapped = tenderMapIgnoringCase.get(trimmed.toLowerCase(Locale.ROOT));
        }
        if (mapped != null) {
            return Optional.of(mapped);
        }
        for (TenderType type : TenderType.values()) {
            if (type.label().equalsIgnoreCase(trimmed)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Converts an amount as the profile writes it to minor units, exactly.
     *
     * @throws IllegalArgumentException saying why the text is not an amount
     */
    public long parseAmount(String text) {
        String plain = stripCurrencySign(text.strip());
        if (amounts == Amounts.FEN) {
            if (!FEN.matcher(plain).matches()) {
                throw new IllegalArgumentException("\"" + clip(text) + "\" is not a whole number of fen");
            }
            try {
                return Long.parseLong(plain);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + clip(text) + "\" is out of range");
            }
        }
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        return Money.parseMajor(plain, currency);
    }

    /**
     * Reads a till time; one written without an offset or zone is in {@code zone}.
     *
     * @throws DateTimeException when the text does not match {@code csv.timeFormat} or names no valid time
     */
    public OffsetDateTime parseTime(String text, ZoneId zone) {
        TemporalAccessor parsed = timeFormat.parse(text.strip());
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed);
        }
        ZoneId stated = parsed.query(TemporalQueries.zoneId());
        if (stated != null) {
            return ZonedDateTime.from(parsed).toOffsetDateTime();
        }
        return LocalDateTime.from(parsed).atZone(zone).toOffsetDateTime();
    }

    private static String stripCurrencySign(String text) {
        String sign = "";
        String rest = text;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            sign = rest.substring(0, 1);
            rest = rest.substring(1);
        }
        if (rest.startsWith("¥") || rest.startsWith("￥")) {
            rest = rest.substring(1);
        }
        return sign + rest;
    }

    static String clip(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }

    /** One reading of the options; collects every problem instead of stopping at the first. */
    private static final class Parse {

        private final List<String> problems = new ArrayList<>();
        private Charset charset = StandardCharsets.UTF_8;
        private char delimiter = ',';
        private Character quote = '"';
        private boolean header = true;
        private int skipRows;
        private final Map<Field, Column> columns = new EnumMap<>(Field.class);
        private Amounts amounts = Amounts.YUAN;
        private String currency = DEFAULT_CURRENCY;
        private String timeFormatPattern = DEFAULT_TIME_FORMAT;
        private DateTimeFormatter timeFormat;
        private String pos = DEFAULT_POS;
        private TenderType defaultTender;
        private final Map<String, TenderType> tenderMap = new HashMap<>();
        private final Map<Integer, InStoreValue> inStore = new HashMap<>();
        private ReceiptScope receiptScope = ReceiptScope.REGISTER;
        private int maxRowsPerReceipt = DEFAULT_MAX_ROWS_PER_RECEIPT;

        Parse(Map<String, String> options) {
            if (options == null) {
                problems.add("options: are required");
                return;
            }
            // Sorted, so that problems come in a stable order.
            Map<String, String> csv = new TreeMap<>();
            options.forEach((key, value) -> {
                if (key != null && key.startsWith(PREFIX)) {
                    csv.put(key, value);
                }
            });
            csv.forEach(this::option);
            if (timeFormat == null && !csv.containsKey(TIME_FORMAT)) {
                timeFormat = formatter(DEFAULT_TIME_FORMAT);
            }
            for (Field field : Field.values()) {
                if (field.required() && !columns.containsKey(field)) {
                    problems.add(field.optionKey() + ": is required");
                }
            }
            if (!columns.containsKey(Field.TENDER) && defaultTender == null) {
                problems.add(Field.TENDER.optionKey() + ": is required unless " + TENDER
                        + " names the tender type of every receipt");
            }
            if (!header) {
                columns.forEach((field, column) -> {
                    if (column.name() != null) {
                        problems.add(field.optionKey() + ": " + column + " is a header name but " + HEADER
                                + " is false; give a 1-based column number");
                    }
                });
            }
            if (quote != null && quote == delimiter) {
                problems.add(QUOTE + ": must differ from " + DELIMITER);
            }
        }

        private void option(String key, String rawValue) {
            if (rawValue == null) {
                problems.add(key + ": has no value");
                return;
            }
            String value = rawValue.strip();
            if (key.startsWith(COLUMNS)) {
                column(key, key.substring(COLUMNS.length()), value);
            } else if (key.startsWith(TENDER_MAP)) {
                tenderLabel(key, key.substring(TENDER_MAP.length()), value);
            } else if (key.startsWith(IN_STORE)) {
                inStorePrefix(key, key.substring(IN_STORE.length()), value);
            } else {
                switch (key) {
                    case CHARSET -> charset(value);
                    case DELIMITER -> delimiter = character(key, rawValue, delimiter, false);
                    case QUOTE -> quote(rawValue);
                    case HEADER -> header = bool(key, value, header);
                    case SKIP_ROWS -> skipRows = number(key, value, 0, MAX_SKIP_ROWS, skipRows);
                    case AMOUNTS -> amounts = choice(key, value, Amounts.class, amounts);
                    case CURRENCY -> currency(value);
                    case TIME_FORMAT -> timeFormat(value);
                    case POS -> pos(value);
                    case TENDER -> defaultTender = tenderType(key, value);
                    case RECEIPT_SCOPE -> receiptScope = choice(key, value, ReceiptScope.class, receiptScope);
                    case MAX_ROWS_PER_RECEIPT ->
                            maxRowsPerReceipt = number(key, value, 1, MAX_ROWS_LIMIT, maxRowsPerReceipt);
                    default -> problems.add(key + ": unknown key; known keys are " + knownKeys());
                }
            }
        }

        private void column(String key, String fieldKey, String value) {
            Optional<Field> field = Field.byKey(fieldKey);
            if (field.isEmpty()) {
                problems.add(key + ": unknown field \"" + clip(fieldKey) + "\"; fields are "
                        + java.util.Arrays.stream(Field.values()).map(Field::key).collect(Collectors.joining(", ")));
                return;
            }
            if (value.isEmpty()) {
                problems.add(key + ": must be a header name or a 1-based column number");
                return;
            }
            if (DIGITS.matcher(value).matches()) {
                int number = value.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(value);
                if (number < 1 || number > MAX_COLUMN) {
                    problems.add(key + ": column number must be 1 to " + MAX_COLUMN + ", was " + clip(value));
                    return;
                }
                columns.put(field.get(), new Column(null, number));
            } else {
                columns.put(field.get(), new Column(value, 0));
            }
        }

        private void tenderLabel(String key, String label, String value) {
            if (label.isBlank()) {
                problems.add(key + ": needs the payment label after \"" + TENDER_MAP + "\"");
                return;
            }
            TenderType type = tenderType(key, value);
            if (type != null) {
                tenderMap.put(label.strip(), type);
            }
        }

        private void inStorePrefix(String key, String prefix, String value) {
            if (prefix.length() != 2 || !DIGITS.matcher(prefix).matches() || prefix.charAt(0) != '2') {
                problems.add(key + ": the prefix must be two digits from 20 to 29, was \"" + clip(prefix) + "\"");
                return;
            }
            InStoreValue kind = choice(key, value, InStoreValue.class, null);
            if (kind != null) {
                inStore.put(Integer.parseInt(prefix), kind);
            }
        }

        private void charset(String value) {
            try {
                charset = Charset.forName(value);
            } catch (IllegalArgumentException e) {
                // IllegalCharsetNameException and UnsupportedCharsetException are both IllegalArgumentExceptions
                problems.add(CHARSET + ": unknown or unsupported charset \"" + clip(value)
                        + "\"; use UTF-8 or GBK");
            }
        }

        /** One character, taken as written when it is one (a tab or a space), else after stripping. */
        private char character(String key, String value, char current, boolean allowNone) {
            String v = value.length() == 1 ? value : value.strip();
            if ("tab".equalsIgnoreCase(v) || "\\t".equals(v)) {
                return '\t';
            }
            if (v.length() != 1 || v.charAt(0) == '\r' || v.charAt(0) == '\n') {
                problems.add(key + ": must be one character (or \"tab\")" + (allowNone ? " or \"none\"" : "")
                        + ", was \"" + clip(value) + "\"");
                return current;
            }
            return v.charAt(0);
        }

        private void quote(String value) {
            if ("none".equalsIgnoreCase(value.strip())) {
                quote = null;
                return;
            }
            quote = character(QUOTE, value, '"', true);
        }

        private boolean bool(String key, String value, boolean current) {
            if ("true".equalsIgnoreCase(value)) {
                return true;
            }
            if ("false".equalsIgnoreCase(value)) {
                return false;
            }
            problems.add(key + ": must be true or false, was \"" + clip(value) + "\"");
            return current;
        }

        private int number(String key, String value, int min, int max, int current) {
            if (DIGITS.matcher(value).matches() && value.length() <= 7) {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            }
            problems.add(key + ": must be a whole number from " + min + " to " + max + ", was \"" + clip(value)
                    + "\"");
            return current;
        }

        private <E extends Enum<E>> E choice(String key, String value, Class<E> type, E current) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            problems.add(key + ": must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + ", was \"" + clip(value) + "\"");
            return current;
        }

        private void currency(String value) {
            try {
                Money.exponent(value);
                currency = value;
            } catch (IllegalArgumentException e) {
                problems.add(CURRENCY + ": " + e.getMessage());
            }
        }

        private void timeFormat(String value) {
            if (value.isEmpty()) {
                problems.add(TIME_FORMAT + ": must be a DateTimeFormatter pattern such as " + DEFAULT_TIME_FORMAT);
                return;
            }
            try {
                timeFormat = formatter(value);
                timeFormatPattern = value;
            } catch (IllegalArgumentException e) {
                problems.add(TIME_FORMAT + ": \"" + clip(value) + "\" is not a DateTimeFormatter pattern: "
                        + e.getMessage());
            }
        }

        private void pos(String value) {
            if (value.isEmpty() || value.length() > SaleValidator.MAX_ID_LENGTH || value.indexOf('/') >= 0) {
                problems.add(POS + ": must be 1 to " + SaleValidator.MAX_ID_LENGTH
                        + " characters without '/', was \"" + clip(value) + "\"");
                return;
            }
            pos = value;
        }

        private TenderType tenderType(String key, String value) {
            try {
                return TenderType.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                return null;
            }
        }

        private static String knownKeys() {
            return String.join(", ", CHARSET, DELIMITER, QUOTE, HEADER, SKIP_ROWS, COLUMNS + "<field>", AMOUNTS,
                    CURRENCY, TIME_FORMAT, POS, TENDER, TENDER_MAP + "<label>", IN_STORE + "<prefix>",
                    RECEIPT_SCOPE, MAX_ROWS_PER_RECEIPT);
        }
    }

    /**
     * A strict formatter: impossible dates such as 30 February are refused rather than moved. The era defaults to
     * the current one, so that the usual {@code yyyy} works under strict resolution.
     */
    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public String toString() {
        return "CsvProfile[charset=" + charset + ", columns=" + columns + ", amounts=" + amounts + "]";
    }

}
