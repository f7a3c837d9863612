package org.storelink.pos.csv.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.pos.csv.internal.CsvProfile.Field;
import org.storelink.pos.csv.internal.CsvProfile.InStoreValue;
import org.storelink.pos.csv.internal.CsvProfile.ReceiptScope;
import org.storelink.spi.SourceTransaction;

/**
 * Turns the rows of one receipt into a canonical sale, or into a rejection that names every problem with its path
 * ({@code lines[2].gtin}) and row number. Row problems are found here; the business rules are then those of
 * {@link SaleValidator}, so an accepted sale is always a valid one.
 */
final class ReceiptAssembler {

    static final int MAX_PROBLEMS = 100;

    private static final Pattern QUANTITY = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,15})?");
    private static final Pattern LINE_PATH = Pattern.compile("lines\\[([0-9]+)\\].*");

    private final CsvProfile profile;
    private final Store store;
    private final String source;

    /** What became of a receipt, and the sale id it claims (null when it has none). */
    record Result(SourceTransaction transaction, String saleKey) {
    }

    ReceiptAssembler(CsvProfile profile, Store store, String source) {
        this.profile = profile;
        this.store = store;
        this.source = source;
    }

    String reference(Receipt receipt) {
        String number = receipt.rows().get(0).text(Field.RECEIPT);
        return source + ":" + receipt.firstRow() + "#" + CsvProfile.clip(number);
    }

    Result assemble(Receipt receipt) {
        String reference = reference(receipt);
        if (receipt.isOverfull()) {
            return new Result(SourceTransaction.rejected(reference, List.of(new Violation("lines",
                    receipt.rowRange() + ": the receipt has " + receipt.rowCount() + " rows, more than "
                            + CsvProfile.MAX_ROWS_PER_RECEIPT + " (" + profile.maxRowsPerReceipt() + ") allows"))),
                    null);
        }
        return new Build(receipt).run(reference);
    }

    /** The assembly of one receipt. */
    private final class Build {

        private final Receipt receipt;
        private final List<Row> rows;
        private final Row first;
        private final List<Violation> problems = new ArrayList<>();
        private final Set<String> paths = new HashSet<>();
        private final Set<Integer> flaggedLines = new HashSet<>();
        private int suppressed;
        private final List<SaleLine> lines = new ArrayList<>();
        /** Per line: what is left to return of it, or null for a line that is itself a return. */
        private final List<BigDecimal> returnable = new ArrayList<>();
        /** False once a line's amount cannot be computed: the receipt's total is then unknown. */
        private boolean totalKnown = true;
        /** Whether the tender amount is the one written in the rows, rather than the sum of the lines. */
        private boolean tenderAmountStated;

        Build(Receipt receipt) {
            this.receipt = receipt;
            this.rows = receipt.rows();
            this.first = rows.get(0);
        }

        Result run(String reference) {
            String receiptNo = receiptNo();
            String posId = posId();
            OffsetDateTime occurredAt = occurredAt();
            if (receiptNo != null && occurredAt != null && profile.receiptScope() == ReceiptScope.DAY) {
                receiptNo = store.businessDay(occurredAt.toInstant()).format(DateTimeFormatter.BASIC_ISO_DATE)
                        + "-" + receiptNo;
            }
            for (int i = 0; i < rows.size(); i++) {
                line(i, rows.get(i));
            }
            Long total = total();
            Tender tender = tender(total);
            long change = 0;
            if (tender.type() == TenderType.CASH && total != null && tender.amount() > total
                    && tenderAmountStated) {
                change = tender.amount() - total;
            }
            Sale sale = new Sale(store.id(), posId, receiptNo, occurredAt, profile.currency(), lines, 0, 0,
                    List.of(), List.of(tender), change, null, null, null);
            for (Violation violation : SaleValidator.validate(sale)) {
                merge(violation);
            }
            String saleKey = posId != null && receiptNo != null ? posId + "/" + receiptNo : null;
            if (problems.isEmpty()) {
                return new Result(SourceTransaction.accepted(reference, SourceTransaction.Kind.SALE, sale),
                        saleKey);
            }
            if (suppressed > 0) {
                problems.add(new Violation("$", receipt.rowRange() + ": " + suppressed + " more problems"));
            }
            return new Result(SourceTransaction.rejected(reference, problems), saleKey);
        }

        // ---- the receipt as a whole, read from its first row

        private String receiptNo() {
            if (overlong(first, Field.RECEIPT, "receiptNo")) {
                return null;
            }
            String number = first.text(Field.RECEIPT);
            if (number.isEmpty()) {
                add("receiptNo", first, "is required");
                return null;
            }
            return number;
        }

        private String posId() {
            if (!profile.column(Field.POS).isPresent()) {
                return profile.pos();
            }
            if (overlong(first, Field.POS, "posId")) {
                return null;
            }
            String pos = first.text(Field.POS);
            if (pos.isEmpty()) {
                add("posId", first, "is required");
                return null;
            }
            return pos;
        }

        private OffsetDateTime occurredAt() {
            if (overlong(first, Field.TIME, "occurredAt") || overlong(first, Field.DATE, "occurredAt")) {
                return null;
            }
            String time = first.text(Field.TIME);
            String date = first.text(Field.DATE);
            String text = date.isEmpty() ? time : time.isEmpty() ? date : date + " " + time;
            if (text.isEmpty()) {
                add("occurredAt", first, "is required");
                return null;
            }
            try {
                return profile.parseTime(text, store.zone());
            } catch (DateTimeException e) {
                add("occurredAt", first, "\"" + CsvProfile.clip(text) + "\" is not a valid time in "
                        + CsvProfile.TIME_FORMAT + " \"" + profile.timeFormatPattern() + "\"");
                return null;
            }
        }

        // ---- one line per row

        private void line(int i, Row row) {
            String at = "lines[" + i + "]";
            int lineNo = i + 1;
            if (row.isShort()) {
                addLine(i, at, row, "has " + row.width() + " columns but the profile reads column " + row.needed());
                placeholder(lineNo);
                return;
            }
            Gtin gtin = null;
            InStoreBarcode code = null;
            if (!overlong(row, Field.GTIN, at + ".gtin")) {
                String raw = row.text(Field.GTIN);
                Optional<String> problem = Gtin.problem(raw);
                if (raw.isEmpty()) {
                    addLine(i, at + ".gtin", row, "is required");
                } else if (problem.isPresent()) {
                    addLine(i, at + ".gtin", row, "\"" + CsvProfile.clip(raw) + "\" is not a GTIN: " + problem.get());
                } else {
                    gtin = Gtin.parse(raw);
                    code = InStoreBarcode.decode(gtin, profile.inStore()).orElse(null);
                    if (code != null) {
                        gtin = code.item();
                    }
                }
            }
            BigDecimal rowQuantity = quantity(i, at, row);
            boolean quantityBad = paths.contains(at + ".quantity");
            boolean returning = rowQuantity != null && rowQuantity.signum() < 0;
            Long unitPrice = amount(i, at + ".unitPrice", row, Field.UNIT_PRICE);
            boolean priceBad = paths.contains(at + ".unitPrice");
            Long discount = amount(i, at + ".discount", row, Field.DISCOUNT);
            if (discount != null && discount < 0) {
                if (returning) {
                    discount = -discount; // some tills print the discount given back on a return as negative
                } else {
                    addLine(i, at + ".discount", row, "must not be negative");
                }
            }
            Long stated = amount(i, at + ".amount", row, Field.LINE_AMOUNT);
            String name = overlong(row, Field.NAME, at + ".name") ? null : row.raw(Field.NAME);
            if (name != null && name.isBlank()) {
                name = null;
            }

            BigDecimal quantity = rowQuantity;
            if (code != null && !quantityBad && !priceBad) {
                int sign = returning ? -1 : 1;
                if (code.kind() == InStoreValue.WEIGHT) {
                    BigDecimal kilograms = code.kilograms();
                    if (rowQuantity != null && rowQuantity.abs().compareTo(BigDecimal.ONE) != 0
                            && rowQuantity.abs().compareTo(kilograms) != 0) {
                        addLine(i, at + ".quantity", row, "is " + rowQuantity.toPlainString()
                                + " but the barcode weighs " + kilograms.toPlainString() + " kg");
                    }
                    quantity = sign < 0 ? kilograms.negate() : kilograms;
                    if (unitPrice == null) {
                        addLine(i, at + ".unitPrice", row, "is required for a weighed item (price per kg)");
                    }
                } else {
                    long embedded = code.value();
                    if (quantity == null) {
                        quantity = BigDecimal.valueOf(sign);
                    }
                    if (unitPrice == null) {
                        if (rowQuantity == null || rowQuantity.abs().compareTo(BigDecimal.ONE) == 0) {
                            quantity = BigDecimal.valueOf(sign);
                            unitPrice = embedded;
                        } else {
                            addLine(i, at + ".unitPrice", row, "is required when the quantity is not 1");
                        }
                    }
                    if (unitPrice != null && quantity != null) {
                        // a weighed item priced per kg (gross is the label's price), or a count of identical
                        // labels (each one at the label's price)
                        Long gross = gross(quantity, unitPrice);
                        boolean perLabel = unitPrice == embedded && quantity.stripTrailingZeros().scale() <= 0;
                        if (gross != null && Math.abs(gross) != embedded && !perLabel) {
                            addLine(i, at + ".unitPrice", row, "quantity " + quantity.toPlainString()
                                    + " times unit price " + money(unitPrice) + " is " + money(Math.abs(gross))
                                    + " but the barcode's embedded price is " + money(embedded));
                        }
                    }
                }
            } else if (!quantityBad && !priceBad) {
                if (rowQuantity == null) {
                    addLine(i, at + ".quantity", row, "is required");
                }
                if (unitPrice == null) {
                    addLine(i, at + ".unitPrice", row, "is required");
                }
            }

            Integer voidsLine = null;
            if (quantity != null && quantity.signum() < 0 && gtin != null && unitPrice != null) {
                voidsLine = returned(i, at, row, gtin, quantity.negate(), unitPrice);
            }
            SaleLine line = new SaleLine(lineNo, gtin, name, quantity, unitPrice == null ? 0 : unitPrice,
                    discount == null ? 0 : discount, null, voidsLine);
            lines.add(line);
            returnable.add(quantity != null && quantity.signum() > 0 ? quantity : null);

            Long amount = flaggedLines.contains(i) ? null : amountOf(line);
            if (amount == null) {
                totalKnown = false;
            } else if (stated != null && stated.longValue() != amount.longValue()) {
                addLine(i, at + ".amount", row, "is " + money(stated) + " but quantity times unit price less discount is "
                        + money(amount));
            }
        }

        /** Matches a return row to the earlier line it gives back; returns that line's number, or null. */
        private Integer returned(int i, String at, Row row, Gtin gtin, BigDecimal returned, long unitPrice) {
            for (int j = i - 1; j >= 0; j--) {
                BigDecimal left = returnable.get(j);
                SaleLine sold = lines.get(j);
                if (left != null && gtin.equals(sold.gtin()) && sold.unitPrice() == unitPrice
                        && left.compareTo(returned) >= 0) {
                    returnable.set(j, left.subtract(returned));
                    return sold.lineNo();
                }
            }
            addLine(i, at + ".quantity", row, "returns " + returned.toPlainString() + " of " + gtin.value() + " at "
                    + money(unitPrice) + " but no earlier row of this receipt sells that much of it at that price;"
                    + " a return must give back a line of the same receipt (refund receipts cannot be recorded)");
            return null;
        }

        private void placeholder(int lineNo) {
            lines.add(new SaleLine(lineNo, null, null, null, 0, 0, null, null));
            returnable.add(null);
            totalKnown = false;
        }

        private BigDecimal quantity(int i, String at, Row row) {
            if (!profile.column(Field.QUANTITY).isPresent()) {
                return BigDecimal.ONE;
            }
            if (overlong(row, Field.QUANTITY, at + ".quantity")) {
                return null;
            }
            String text = row.text(Field.QUANTITY);
            if (text.isEmpty()) {
                return null;
            }
            if (!QUANTITY.matcher(text).matches()) {
                addLine(i, at + ".quantity", row, "\"" + CsvProfile.clip(text) + "\" is not a quantity");
                return null;
            }
            BigDecimal quantity = new BigDecimal(text.startsWith("+") ? text.substring(1) : text).stripTrailingZeros();
            return quantity.scale() < 0 ? quantity.setScale(0) : quantity;
        }

        /** An amount of the row in minor units; null when absent or (after adding a problem) invalid. */
        private Long amount(int i, String path, Row row, Field field) {
            if (!profile.column(field).isPresent() || overlong(row, field, path)) {
                return null;
            }
            String text = row.text(field);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return profile.parseAmount(text);
            } catch (IllegalArgumentException e) {
                if (i >= 0) {
                    addLine(i, path, row, e.getMessage());
                } else {
                    add(path, row, e.getMessage());
                }
                return null;
            }
        }

        private Long gross(BigDecimal quantity, long unitPrice) {
            if (quantity.abs().compareTo(SaleValidator.MAX_QUANTITY) > 0
                    || Math.abs(unitPrice) > SaleValidator.MAX_AMOUNT) {
                return null;
            }
            try {
                return new SaleLine(1, null, null, quantity, unitPrice, 0, null, null).grossAmount();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        /** The line's amount when every part of it is in range, else null (the validator says why). */
        private Long amountOf(SaleLine line) {
            if (line.quantity() == null || line.quantity().abs().compareTo(SaleValidator.MAX_QUANTITY) > 0
                    || Math.abs(line.unitPrice()) > SaleValidator.MAX_AMOUNT || line.discount() < 0
                    || line.discount() > SaleValidator.MAX_AMOUNT) {
                return null;
            }
            try {
                long amount = line.amount();
                return Math.abs(amount) > SaleValidator.MAX_AMOUNT ? null : amount;
            } catch (ArithmeticException e) {
                return null;
            }
        }

        private Long total() {
            if (!totalKnown) {
                return null;
            }
            long sum = 0;
            for (SaleLine line : lines) {
                sum += line.amount(); // each is at most MAX_AMOUNT and there are at most 100,000: no overflow
            }
            return sum;
        }

        // ---- the one tender

        private Tender tender(Long total) {
            TenderType type = tenderType();
            String reference = agreed(Field.REFERENCE, "tenders[0].reference");
            Long stated = null;
            Row statedRow = null;
            if (profile.column(Field.TENDER_AMOUNT).isPresent()) {
                for (Row row : rows) {
                    Long value = amount(-1, "tenders[0].amount", row, Field.TENDER_AMOUNT);
                    if (value == null) {
                        continue;
                    }
                    if (stated == null) {
                        stated = value;
                        statedRow = row;
                    } else if (!stated.equals(value)) {
                        add("tenders[0].amount", row, "is " + money(value) + " but row " + statedRow.number()
                                + " says " + money(stated) + "; a receipt has one tender");
                        break;
                    }
                }
            }
            long amount;
            if (stated != null) {
                amount = stated;
                tenderAmountStated = true;
            } else {
                amount = total == null ? 0 : total;
                if (total != null && total <= 0) {
                    add("tenders[0].amount", receipt.rowRange(), "the lines add up to " + money(total)
                            + "; a receipt that gives back as much as it sells or more cannot be recorded as a sale");
                }
            }
            return new Tender(type, amount, reference);
        }

        private TenderType tenderType() {
            if (!profile.column(Field.TENDER).isPresent()) {
                return profile.defaultTender().orElse(null);
            }
            Row labelRow = null;
            String label = null;
            for (Row row : rows) {
                if (overlong(row, Field.TENDER, "tenders[0].type")) {
                    return null;
                }
                String text = row.text(Field.TENDER);
                if (text.isEmpty()) {
                    continue;
                }
                if (label == null) {
                    label = text;
                    labelRow = row;
                } else if (!label.equals(text)) {
                    add("tenders[0].type", row, "is \"" + CsvProfile.clip(text) + "\" but row " + labelRow.number()
                            + " says \"" + CsvProfile.clip(label) + "\"; a receipt has one tender");
                    return null;
                }
            }
            if (label == null) {
                Optional<TenderType> fallback = profile.defaultTender();
                if (fallback.isEmpty()) {
                    add("tenders[0].type", first, "is required");
                }
                return fallback.orElse(null);
            }
            Optional<TenderType> type = profile.tenderType(label);
            if (type.isEmpty()) {
                add("tenders[0].type", labelRow, "unknown payment type \"" + CsvProfile.clip(label) + "\"; map it with "
                        + CsvProfile.TENDER_MAP + CsvProfile.clip(label) + "=cash|alipay|wechat|card|other");
                return null;
            }
            return type.get();
        }

        /** A receipt-level text that rows may repeat but must not contradict; null when no row has it. */
        private String agreed(Field field, String path) {
            if (!profile.column(field).isPresent()) {
                return null;
            }
            String value = null;
            Row valueRow = null;
            for (Row row : rows) {
                if (overlong(row, field, path)) {
                    return null;
                }
                String text = row.text(field);
                if (text.isEmpty()) {
                    continue;
                }
                if (value == null) {
                    value = text;
                    valueRow = row;
                } else if (!value.equals(text)) {
                    add(path, row, "is \"" + CsvProfile.clip(text) + "\" but row " + valueRow.number() + " says \""
                            + CsvProfile.clip(value) + "\"; a receipt has one tender");
                    return null;
                }
            }
            return value;
        }

        // ---- problems

        private boolean overlong(Row row, Field field, String path) {
            if (!row.isOverlong(field)) {
                return false;
            }
            Matcher line = LINE_PATH.matcher(path);
            String message = "is longer than " + Row.MAX_FIELD + " characters";
            if (line.matches()) {
                addLine(Integer.parseInt(line.group(1)), path, row, message);
            } else {
                add(path, row, message);
            }
            return true;
        }

        private void addLine(int index, String path, Row row, String message) {
            flaggedLines.add(index);
            add(path, row, message);
        }

        private void add(String path, Row row, String message) {
            add(path, "row " + row.number(), message);
        }

        private void add(String path, String where, String message) {
            paths.add(path);
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Violation(path, where + ": " + message));
            } else {
                suppressed++;
            }
        }

        /** Adds a rule the validator found, unless a row problem already explains it. */
        private void merge(Violation violation) {
            String path = violation.path();
            Matcher line = LINE_PATH.matcher(path);
            if (line.matches()) {
                int index = Integer.parseInt(line.group(1));
                if (flaggedLines.contains(index) || index >= rows.size()) {
                    return;
                }
                add(path, rows.get(index), violation.message());
                return;
            }
            if (paths.contains(path)) {
                return;
            }
            if (path.startsWith("tenders") && !tenderAmountStated && !totalKnown) {
                // the tender amount stands in for a total that lines with problems of their own left unknown
                return;
            }
            add(path, receipt.rowRange(), violation.message());
        }

        private String money(long minor) {
            return new Money(minor, profile.currency()).format();
        }
    }
}
