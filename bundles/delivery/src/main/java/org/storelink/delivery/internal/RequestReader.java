package org.storelink.delivery.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.storelink.model.Coordinates;
import org.storelink.model.Gtin;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.partners.Partner;

/**
 * Reads a store's delivery request and names every bad field by its path ({@code items[0].gtin}). Only what the
 * body alone decides is checked here; whether the fleet is a known fleet partner and whether the window is still
 * ahead depend on the moment and are checked by {@link DeliveryService}. Unknown fields are refused, so a misspelt
 * field is never dropped silently.
 */
final class RequestReader {
    static final int MAX_ITEMS = 100;
    static final int MAX_ORDER_REF = 64;
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 300;
    static final int MIN_CONTACT = 6;
    static final int MAX_CONTACT = 128;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("9999");
    static final Duration MAX_WINDOW = Duration.ofHours(24);

    private static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9._:#/-]+");
    private static final Pattern CONTACT = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern LETTER = Pattern.compile(".*[A-Za-z].*");
    private static final ObjectMapper STRICT = Json.mapper().copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP = Set.of("orderRef", "items", "dropOff", "window", "fleet");
    private static final Set<String> ITEM = Set.of("gtin", "name", "quantity");
    private static final Set<String> DROP_OFF = Set.of("address", "latitude", "longitude", "contact");
    private static final Set<String> WINDOW = Set.of("from", "to");

    /**
     * @param request    the request when there are no violations, else null
     * @param orderRef   the orderRef when it is valid, even if other fields are not
     * @param fleet      the fleet when one is given and well formed
     * @param windowTo   the window's end when it parses
     * @param violations every problem, empty when the request is valid
     */
    record Result(OrderRequest request, String orderRef, String fleet, OffsetDateTime windowTo,
                  List<Violation> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    private final List<Violation> problems = new ArrayList<>();
    private OffsetDateTime windowTo;

    private RequestReader() {
    }

    static Result read(byte[] body) {
        return new RequestReader().readBody(body);
    }

    private Result readBody(byte[] body) {
        if (body == null || body.length == 0) {
            problem("$", "the body is empty; expected a JSON delivery request");
            return result(null, null, null, null);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (IOException e) {
            problem("$", "not valid JSON: " + firstLine(e.getMessage()));
            return result(null, null, null, null);
        }
        if (root == null || !root.isObject()) {
            problem("$", "must be a JSON object");
            return result(null, null, null, null);
        }
        unknown(root, TOP, "");
        String orderRef = orderRef(root.get("orderRef"));
        List<OrderRequest.Item> items = items(root.get("items"));
        OrderRequest.DropOff dropOff = dropOff(root.get("dropOff"));
        OrderRequest.Window window = window(root.get("window"));
        String fleet = fleet(root.get("fleet"));
        if (problems.isEmpty()) {
            return result(new OrderRequest(orderRef, items, dropOff, window, fleet), orderRef, fleet, windowTo);
        }
        return result(null, orderRef, fleet, windowTo);
    }

    private Result result(OrderRequest request, String orderRef, String fleet, OffsetDateTime windowTo) {
        return new Result(request, orderRef, fleet, windowTo, List.copyOf(problems));
    }

    private String orderRef(JsonNode node) {
        String text = text(node, "orderRef", 1, MAX_ORDER_REF);
        if (text != null && !ORDER_REF.matcher(text).matches()) {
            problem("orderRef", "may contain only letters, digits and . _ : # / -");
            return null;
        }
        return text;
    }

    private List<OrderRequest.Item> items(JsonNode node) {
        List<OrderRequest.Item> items = new ArrayList<>();
        if (absent(node)) {
            problem("items", "is required: at least one item");
            return items;
        }
        if (!node.isArray()) {
            problem("items", "must be an array of items");
            return items;
        }
        if (node.isEmpty()) {
            problem("items", "must have at least one item");
        }
        if (node.size() > MAX_ITEMS) {
            problem("items", "must have at most " + MAX_ITEMS + " items, has " + node.size());
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "items[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                problem(path, "must be an object with gtin, name and quantity");
                continue;
            }
            unknown(item, ITEM, path + ".");
            Gtin gtin = gtin(item.get("gtin"), path + ".gtin");
            String name = text(item.get("name"), path + ".name", 1, MAX_NAME);
            BigDecimal quantity = quantity(item.get("quantity"), path + ".quantity");
            if (gtin != null && name != null && quantity != null) {
                items.add(new OrderRequest.Item(gtin, name, quantity));
            }
        }
        return items;
    }

    private Gtin gtin(JsonNode node, String path) {
        if (absent(node)) {
            problem(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string of digits (a GTIN-8, -12, -13 or -14)");
            return null;
        }
        String raw = node.asText().strip();
        var reason = Gtin.problem(raw);
        if (reason.isPresent()) {
            problem(path, reason.get());
            return null;
        }
        return Gtin.parse(raw);
    }

    private BigDecimal quantity(JsonNode node, String path) {
        if (absent(node)) {
            problem(path, "is required");
            return null;
        }
        if (!node.isNumber()) {
            problem(path, "must be a number");
            return null;
        }
        BigDecimal quantity = node.decimalValue();
        if (quantity.signum() <= 0) {
            problem(path, "must be greater than 0, is " + quantity.toPlainString());
            return null;
        }
        if (quantity.stripTrailingZeros().scale() > 3) {
            problem(path, "may have at most 3 decimals, has " + quantity.toPlainString());
            return null;
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            problem(path, "must be at most " + MAX_QUANTITY + ", is " + quantity.toPlainString());
            return null;
        }
        return quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
    }

    private OrderRequest.DropOff dropOff(JsonNode node) {
        if (absent(node)) {
            problem("dropOff", "is required: address and contact");
            return null;
        }
        if (!node.isObject()) {
            problem("dropOff", "must be an object with address, contact and optionally latitude and longitude");
            return null;
        }
        unknown(node, DROP_OFF, "dropOff.");
        String address = text(node.get("address"), "dropOff.address", 1, MAX_ADDRESS);
        Coordinates coordinates = coordinates(node.get("latitude"), node.get("longitude"));
        String contact = contact(node.get("contact"));
        return new OrderRequest.DropOff(address, coordinates, contact);
    }

    private Coordinates coordinates(JsonNode latitude, JsonNode longitude) {
        if (absent(latitude) && absent(longitude)) {
            return null;
        }
        Double lat = degrees(latitude, "dropOff.latitude", 90, "dropOff.longitude");
        Double lon = degrees(longitude, "dropOff.longitude", 180, "dropOff.latitude");
        return lat == null || lon == null ? null : new Coordinates(lat, lon);
    }

    private Double degrees(JsonNode node, String path, double limit, String other) {
        if (absent(node)) {
            problem(path, "is required when " + other + " is given");
            return null;
        }
        if (!node.isNumber()) {
            problem(path, "must be a number of degrees");
            return null;
        }
        double value = node.doubleValue();
        if (!(value >= -limit && value <= limit)) {
            problem(path, "must be from " + (int) -limit + " to " + (int) limit + ", is "
                    + node.decimalValue().toPlainString());
            return null;
        }
        return value;
    }

    private String contact(JsonNode node) {
        String text = text(node, "dropOff.contact", MIN_CONTACT, MAX_CONTACT);
        if (text == null) {
            return null;
        }
        if (!CONTACT.matcher(text).matches() || !LETTER.matcher(text).matches()) {
            problem("dropOff.contact", "must be an opaque pseudonymous reference (letters, digits, '.', '_', ':' or"
                    + " '-', with at least one letter, no spaces), never a phone number, e-mail or name");
            return null;
        }
        return text;
    }

    private OrderRequest.Window window(JsonNode node) {
        if (absent(node)) {
            problem("window", "is required: the promised window {from, to}");
            return null;
        }
        if (!node.isObject()) {
            problem("window", "must be an object with from and to");
            return null;
        }
        unknown(node, WINDOW, "window.");
        OffsetDateTime from = time(node.get("from"), "window.from");
        OffsetDateTime to = time(node.get("to"), "window.to");
        windowTo = to;
        if (from == null || to == null) {
            return null;
        }
        if (!to.isAfter(from)) {
            problem("window.to", "must be after window.from");
            return null;
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            problem("window.to", "the window may be at most " + MAX_WINDOW.toHours() + " hours long");
            return null;
        }
        return new OrderRequest.Window(from, to);
    }

    private OffsetDateTime time(JsonNode node, String path) {
        if (absent(node)) {
            problem(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string: an ISO-8601 date-time with an offset");
            return null;
        }
        try {
            return Times.parse(node.asText());
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private String fleet(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem("fleet", "must be a string: the fleet partner's id");
            return null;
        }
        try {
            return Partner.checkId(node.asText());
        } catch (IllegalArgumentException e) {
            problem("fleet", e.getMessage().replaceFirst("^id: ", ""));
            return null;
        }
    }

    /** A required string, stripped, of {@code min} to {@code max} characters and no control characters. */
    private String text(JsonNode node, String path, int min, int max) {
        if (absent(node)) {
            problem(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        String text = node.asText().strip();
        if (text.length() < min || text.length() > max) {
            problem(path, text.isEmpty() ? "must not be empty"
                    : "must be " + min + " to " + max + " characters, has " + text.length());
            return null;
        }
        if (Texts.hasControl(text)) {
            problem(path, "must not contain control characters such as line breaks");
            return null;
        }
        return text;
    }

    private void unknown(JsonNode object, Set<String> allowed, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(prefix + name, "unknown field; allowed are " + String.join(", ", allowed.stream().sorted()
                        .toList()));
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private void problem(String path, String reason) {
        problems.add(new Violation(path, reason));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
