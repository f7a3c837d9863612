package org.storelink.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.AgeBand;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;

/**
 * Reads a sale body sent by a till or POS vendor. The input is untrusted and often hand-built, so
 * rather than failing on the first mismatch as data binding would, it walks the JSON tree, checks
 * every field's type and reports each problem with its path; a body that maps cleanly is then put
 * through {@link SaleValidator}.
 *
 * <p>Unknown fields are reported too: a misspelt {@code "tax"} silently ignored would record the
 * wrong total. The store comes from the caller (the URL the till posted to), not from the body.
 */
public final class SaleReader {

    private static final Set<String> SALE_FIELDS = Set.of("storeId", "posId", "receiptNo", "occurredAt",
            "currency", "lines", "tax", "taxIncluded", "adjustments", "tenders", "change", "total",
            "customerRef", "ageBand");
    private static final Set<String> LINE_FIELDS = Set.of("lineNo", "gtin", "name", "quantity", "unitPrice",
            "discount", "promotionCode", "voidsLine");
    private static final Set<String> TENDER_FIELDS = Set.of("type", "amount", "reference");
    private static final Set<String> ADJUSTMENT_FIELDS = TENDER_FIELDS;

    private static final int MAX_ECHO = 40;

    // Duplicate keys are refused: {"amount":1,"amount":700} must not mean whichever a parser keeps.
    // Integers beyond a long become BigIntegerNodes instead of failing the whole parse, so that
    // they are reported on their own path (and long numeric receipt numbers survive).
    private static final ObjectReader TREE = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .without(DeserializationFeature.USE_LONG_FOR_INTS);

    private SaleReader() {
    }

    /**
     * @param sale the mapped and validated sale, or null when there is any violation
     * @param violations every problem found; empty when {@code sale} is usable
     */
    public record Result(Sale sale, List<Violation> violations) {

        public Result {
            violations = violations == null ? List.of() : List.copyOf(violations);
        }

        public boolean ok() {
            return sale != null && violations.isEmpty();
        }
    }

    /**
     * @param storeId the store the body was sent for; the body may repeat it but not contradict it
     */
    public static Result read(byte[] json, String storeId) {
        JsonNode root;
        try {
            root = TREE.readTree(json == null ? new byte[0] : json);
        } catch (JsonProcessingException e) {
            return invalid(new Violation("$", describe(e)));
        } catch (IOException e) {
            return invalid(new Violation("$", "could not be read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return invalid(new Violation("$", "is empty; expected a JSON object"));
        }
        if (!root.isObject()) {
            return invalid(new Violation("$", "must be a JSON object, not " + kind(root)));
        }
        Mapping mapping = new Mapping();
        Sale sale = mapping.sale(root, storeId);
        if (!mapping.violations.isEmpty()) {
            return invalid(mapping.violations);
        }
        List<Violation> broken = SaleValidator.validate(sale);
        return broken.isEmpty() ? new Result(sale, List.of()) : invalid(broken);
    }

    private static Result invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    private static Result invalid(List<Violation> violations) {
        return new Result(null, violations);
    }

    private static String describe(JsonProcessingException e) {
        String message = "is not valid JSON: " + e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    private static String clip(String raw) {
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }

    /** One walk over a body; the violations list is the point of it. */
    private static final class Mapping {

        private final List<Violation> violations = new ArrayList<>();
        // The sale's currency once known to be valid, to give examples in its own minor units.
        private String currency;

        private void add(String path, String message) {
            violations.add(new Violation(path, message));
        }

        Sale sale(JsonNode body, String storeId) {
            unknownFields(body, "", SALE_FIELDS);
            String bodyStoreId = id(body, "storeId", "storeId", false);
            if (bodyStoreId != null && !bodyStoreId.equals(storeId)) {
                add("storeId", "is \"" + clip(bodyStoreId) + "\" but this sale was sent for store \""
                        + storeId + "\"");
            }
            String posId = id(body, "posId", "posId", true);
            String receiptNo = id(body, "receiptNo", "receiptNo", true);
            OffsetDateTime occurredAt = occurredAt(body);
            currency = currency(body);
            List<SaleLine> lines = array(body, "lines", "lines", true, this::line);
            long tax = minor(body, "tax", "tax", 0L);
            long taxIncluded = minor(body, "taxIncluded", "taxIncluded", 0L);
            List<Adjustment> adjustments = array(body, "adjustments", "adjustments", false, this::adjustment);
            List<Tender> tenders = array(body, "tenders", "tenders", true, this::tender);
            long change = minor(body, "change", "change", 0L);
            Long total = minor(body, "total", "total", null);
            String customerRef = text(body, "customerRef", "customerRef", false);
            AgeBand ageBand = label(body, "ageBand", "ageBand", AgeBand::parse);
            return new Sale(storeId, posId, receiptNo, occurredAt, currency, lines, tax, taxIncluded,
                    adjustments, tenders, change, total, customerRef, ageBand);
        }

        private SaleLine line(JsonNode node, String at, int index) {
            unknownFields(node, at + ".", LINE_FIELDS);
            Integer lineNo = integer(node, "lineNo", at);
            Gtin gtin = gtin(node, at);
            String name = text(node, "name", at + ".name", false);
            BigDecimal quantity = quantity(node, at);
            long unitPrice = requiredMinor(node, "unitPrice", at + ".unitPrice");
            long discount = minor(node, "discount", at + ".discount", 0L);
            String promotionCode = text(node, "promotionCode", at + ".promotionCode", false);
            Integer voidsLine = integer(node, "voidsLine", at);
            return new SaleLine(lineNo == null ? index + 1 : lineNo, gtin, name, quantity,
                    unitPrice, discount, promotionCode, voidsLine);
        }

        private Tender tender(JsonNode node, String at, int index) {
            unknownFields(node, at + ".", TENDER_FIELDS);
            TenderType type = label(node, "type", at + ".type", TenderType::parse);
            if (type == null && present(node, "type") == null) {
                add(at + ".type", "is required");
            }
            long amount = requiredMinor(node, "amount", at + ".amount");
            String reference = text(node, "reference", at + ".reference", false);
            return new Tender(type, amount, reference);
        }

        private Adjustment adjustment(JsonNode node, String at, int index) {
            unknownFields(node, at + ".", ADJUSTMENT_FIELDS);
            AdjustmentType type = label(node, "type", at + ".type", AdjustmentType::parse);
            if (type == null && present(node, "type") == null) {
                add(at + ".type", "is required");
            }
            long amount = requiredMinor(node, "amount", at + ".amount");
            String reference = text(node, "reference", at + ".reference", false);
            return new Adjustment(type, amount, reference);
        }

        private void unknownFields(JsonNode object, String prefix, Set<String> known) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    add(prefix + clip(name), "is not a known field; expected one of "
                            + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        /** The node of a field, or null when it is absent or JSON null (both mean "not given"). */
        private static JsonNode present(JsonNode object, String field) {
            JsonNode node = object.get(field);
            return node == null || node.isNull() ? null : node;
        }

        /** Ids are text; integral numbers are accepted as their digits, never through a double. */
        private String id(JsonNode object, String field, String path, boolean required) {
            JsonNode node = present(object, field);
            if (node == null) {
                if (required) {
                    add(path, "is required");
                }
                return null;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            add(path, "must be a string, not " + kind(node));
            return null;
        }

        private String text(JsonNode object, String field, String path, boolean required) {
            JsonNode node = present(object, field);
            if (node == null) {
                if (required) {
                    add(path, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                add(path, "must be a string, not " + kind(node));
                return null;
            }
            return node.textValue();
        }

        private OffsetDateTime occurredAt(JsonNode body) {
            JsonNode node = present(body, "occurredAt");
            if (node == null) {
                add("occurredAt", "is required");
                return null;
            }
            if (node.isTextual()) {
                try {
                    return OffsetDateTime.parse(node.textValue());
                } catch (DateTimeParseException e) {
                    // fall through to the one message that shows what is expected
                }
            }
            add("occurredAt", "must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:15:30+08:00");
            return null;
        }

        private String currency(JsonNode body) {
            String code = text(body, "currency", "currency", true);
            if (code == null) {
                return null;
            }
            try {
                Money.exponent(code);
                return code;
            } catch (IllegalArgumentException e) {
                add("currency", e.getMessage());
                return null;
            }
        }

        private <T> T label(JsonNode object, String field, String path, Function<String, T> parse) {
            String label = text(object, field, path, false);
            if (label == null) {
                return null;
            }
            try {
                return parse.apply(label);
            } catch (IllegalArgumentException e) {
                add(path, e.getMessage());
                return null;
            }
        }

        private Gtin gtin(JsonNode line, String at) {
            String path = at + ".gtin";
            JsonNode node = present(line, "gtin");
            if (node == null) {
                add(path, "is required");
                return null;
            }
            if (!node.isTextual()) {
                add(path, "must be a string of digits, not " + kind(node)
                        + (node.isNumber() ? ": as a number its leading zeros would be lost" : ""));
                return null;
            }
            String raw = node.textValue();
            String problem = Gtin.problem(raw).orElse(null);
            if (problem != null) {
                add(path, problem);
                return null;
            }
            return Gtin.parse(raw);
        }

        private BigDecimal quantity(JsonNode line, String at) {
            String path = at + ".quantity";
            JsonNode node = present(line, "quantity");
            if (node == null) {
                add(path, "is required");
                return null;
            }
            if (!node.isNumber()) {
                add(path, "must be a number, not " + kind(node));
                return null;
            }
            return node.decimalValue();
        }

        private Integer integer(JsonNode object, String field, String at) {
            String path = at + "." + field;
            JsonNode node = present(object, field);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                add(path, "must be an integer line number");
                return null;
            }
            return node.intValue();
        }

        private long requiredMinor(JsonNode object, String field, String path) {
            if (present(object, field) == null) {
                add(path, "is required");
                return 0;
            }
            Long value = minor(object, field, path, null);
            return value == null ? 0 : value;
        }

        /**
         * A money field: a JSON integer of minor units. Fractions are refused rather than rounded,
         * since "7.5" might mean 7.50 yuan or 7.5 fen and guessing would misstate the books.
         *
         * @return the value, {@code absent} when not given, or null after recording a violation
         */
        private Long minor(JsonNode object, String field, String path, Long absent) {
            JsonNode node = present(object, field);
            if (node == null) {
                return absent;
            }
            if (node.isIntegralNumber()) {
                if (node.canConvertToLong()) {
                    return node.longValue();
                }
                add(path, "must be at most " + SaleValidator.MAX_AMOUNT + " minor units in magnitude");
                return null;
            }
            String example = currency == null ? "350 for 3.50" : "350 for " + new Money(350, currency).format();
            String got = node.isNumber() ? clip(node.asText()) : kind(node);
            add(path, "must be an integer number of minor units (e.g. " + example + "); " + got
                    + " is not integer minor units");
            return null;
        }

        private <T> List<T> array(JsonNode object, String field, String path, boolean required,
                ElementMapper<T> element) {
            JsonNode node = present(object, field);
            if (node == null) {
                if (required) {
                    add(path, "is required");
                }
                return List.of();
            }
            if (!node.isArray()) {
                add(path, "must be an array, not " + kind(node));
                return List.of();
            }
            List<T> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String at = path + "[" + i + "]";
                if (!item.isObject()) {
                    add(at, "must be an object, not " + kind(item));
                    continue;
                }
                items.add(element.map(item, at, i));
            }
            return items;
        }
    }

    @FunctionalInterface
    private interface ElementMapper<T> {
        T map(JsonNode node, String path, int index);
    }
}
