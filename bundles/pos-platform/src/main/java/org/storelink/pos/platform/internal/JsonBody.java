package org.storelink.pos.platform.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.storelink.model.Money;
import org.storelink.model.SaleValidator;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemException;

/**
 * Reading an untrusted platform body: strict UTF-8, one JSON object, numbers never through a double (integers too
 * large for a long stay exact, decimals are BigDecimal), and field readers that record a {@link Findings} entry with
 * the field's path instead of throwing.
 */
final class JsonBody {
    /** Longest decimal text accepted for an amount: far beyond any real figure, and cheap to parse. */
    static final int MAX_DECIMAL_TEXT = 32;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectReader TREE = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(DeserializationFeature.USE_LONG_FOR_INTS);

    private JsonBody() {
    }

    /**
     * The body as a JSON object.
     *
     * @throws ProblemException 400 naming {@code $} when it is not UTF-8, not JSON, or not an object
     */
    static JsonNode parse(byte[] body) throws ProblemException {
        byte[] bytes = body == null ? new byte[0] : body;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = utf8.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw malformed("$", "is not valid UTF-8 (near byte " + buffer.position() + ")");
        }
        JsonNode root;
        try {
            // From the decoded text, so that the parser cannot guess another encoding (UTF-16 without a BOM).
            root = TREE.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("$", describe(e));
        } catch (IOException e) {
            throw malformed("$", "could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("$", "is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw malformed("$", "must be a JSON object, not " + kind(root));
        }
        return root;
    }

    static ProblemException malformed(String path, String reason) {
        return new ProblemException(400, "Malformed body", path + " " + reason,
                List.of(new Violation(path, reason)));
    }

    private static String describe(JsonProcessingException e) {
        String message = "is not valid JSON: " + Texts.clip(String.valueOf(e.getOriginalMessage()));
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    /** The field's node, or null when it is absent or JSON null (both mean "not given"). */
    static JsonNode present(JsonNode object, String field) {
        JsonNode node = object == null ? null : object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** An object field; a missing one is recorded when required. */
    static JsonNode object(Findings findings, JsonNode parent, String field, String path, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                findings.malformed(path, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            findings.malformed(path, "must be an object, not " + kind(node));
            return null;
        }
        return node;
    }

    /** An array field; absent gives an empty array (recorded when required). */
    static JsonNode array(Findings findings, JsonNode parent, String field, String path, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                findings.malformed(path, "is required");
            }
            return null;
        }
        if (!node.isArray()) {
            findings.malformed(path, "must be an array, not " + kind(node));
            return null;
        }
        return node;
    }

    /** Text that may be stored as it is (no NUL, no broken surrogate pair). */
    static String text(Findings findings, JsonNode parent, String field, String path, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                findings.malformed(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            findings.malformed(path, "must be a string, not " + kind(node));
            return null;
        }
        String text = node.textValue();
        String problem = Texts.unstorable(text).orElse(null);
        if (problem != null) {
            findings.malformed(path, problem);
            return null;
        }
        return text;
    }

    /**
     * A platform id, as its exact digits or text: a JSON integer is read as a BigInteger, never through a double
     * (Shopify ids exceed 2^53), and a string is taken as it is. At most 64 letters, digits, '_' or '-'.
     */
    static String id(Findings findings, JsonNode parent, String field, String path, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                findings.malformed(path, "is required");
            }
            return null;
        }
        String id;
        if (node.isTextual()) {
            id = node.textValue();
        } else if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.signum() <= 0) {
                findings.malformed(path, "must be a positive integer id");
                return null;
            }
            id = value.toString();
        } else if (node.isNumber()) {
            findings.malformed(path, "must be an integer or string id, not a fractional or exponent number"
                    + " (an id read through a double loses digits)");
            return null;
        } else {
            findings.malformed(path, "must be an id (integer or string), not " + kind(node));
            return null;
        }
        if (!ID.matcher(id).matches()) {
            findings.malformed(path, "\"" + Texts.clip(id) + "\" is not an id of 1-64 letters, digits, '_' or '-'");
            return null;
        }
        return id;
    }

    static Boolean bool(Findings findings, JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            findings.malformed(path, "must be true or false, not " + kind(node));
            return null;
        }
        return node.booleanValue();
    }

    static OffsetDateTime dateTime(Findings findings, JsonNode parent, String field, String path) {
        String text = text(findings, parent, field, path, true);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            findings.malformed(path, "\"" + Texts.clip(text) + "\" is not an ISO-8601 date-time with offset");
            return null;
        }
    }

    /** An ISO 4217 code with a minor unit; an unknown one cannot be mapped. */
    static String currency(Findings findings, JsonNode parent, String field, String path) {
        String code = text(findings, parent, field, path, true);
        if (code == null) {
            return null;
        }
        try {
            Money.exponent(code);
            return code;
        } catch (IllegalArgumentException e) {
            findings.unmappable(path, e.getMessage());
            return null;
        }
    }

    /**
     * A decimal string of major units (Shopify's {@code "199.00"}), as minor units of {@code currency} without
     * rounding. Not a decimal string: malformed. More decimals than the currency has, or out of range: unmappable.
     *
     * @param currency null when the currency is itself invalid; the amount is then checked for form only
     * @return the minor units, {@code absent} when not given, or null after recording a finding
     */
    static Long majorText(Findings findings, JsonNode parent, String field, String path, String currency,
                          Long absent) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (absent == null) {
                findings.malformed(path, "is required");
            }
            return absent;
        }
        if (!node.isTextual()) {
            findings.malformed(path, "must be a decimal string such as \"7.00\", not " + kind(node));
            return null;
        }
        return major(findings, node.textValue(), path, currency);
    }

    static Long major(Findings findings, String text, String path, String currency) {
        if (text.length() > MAX_DECIMAL_TEXT || !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            findings.malformed(path, "\"" + Texts.clip(text) + "\" is not a plain decimal number such as 7.00");
            return null;
        }
        if (currency == null) {
            return null;
        }
        long minor;
        try {
            minor = Money.parseMajor(text, currency);
        } catch (IllegalArgumentException e) {
            findings.unmappable(path, e.getMessage());
            return null;
        }
        if (Math.abs(minor) > SaleValidator.MAX_AMOUNT) {
            findings.unmappable(path, "must be at most " + SaleValidator.MAX_AMOUNT + " minor units in magnitude");
            return null;
        }
        return minor;
    }

    /** A JSON integer of minor units (Square's {@code amount}), within the validator's range. */
    static Long minorInteger(Findings findings, JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field);
        if (node == null) {
            findings.malformed(path, "is required");
            return null;
        }
        if (!node.isIntegralNumber()) {
            findings.malformed(path, "must be an integer number of minor units, not "
                    + (node.isNumber() ? Texts.clip(node.asText()) : kind(node)));
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.abs().compareTo(BigInteger.valueOf(SaleValidator.MAX_AMOUNT)) > 0) {
            findings.unmappable(path, "must be at most " + SaleValidator.MAX_AMOUNT + " minor units in magnitude");
            return null;
        }
        return value.longValueExact();
    }

    /** A positive whole count, such as a Shopify line quantity, up to the validator's limit. */
    static BigDecimal count(Findings findings, JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field);
        if (node == null) {
            findings.malformed(path, "is required");
            return null;
        }
        if (!node.isIntegralNumber()) {
            findings.malformed(path, "must be a whole number, not "
                    + (node.isNumber() ? Texts.clip(node.asText()) : kind(node)));
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.signum() <= 0 || value.compareTo(SaleValidator.MAX_QUANTITY.toBigInteger()) > 0) {
            findings.unmappable(path, "must be between 1 and " + SaleValidator.MAX_QUANTITY.toPlainString());
            return null;
        }
        return new BigDecimal(value);
    }
}
