package org.storelink.promotions.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.promotions.Mechanics;

/**
 * Reads a promotion catalog sent by a brand and checks all of it, naming every problem by its JSON path
 * ({@code promotions[1].mechanics.percent}); {@code $} is the document as a whole. Unknown fields are problems too,
 * so a misspelt {@code areaProfile} cannot silently widen a promotion to every store.
 */
final class CatalogReader {
    static final String TYPE = "promotion-catalog";
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final int MAX_PROMOTIONS = 1000;
    static final int MAX_PRODUCTS = 1000;
    static final int MAX_LIST = 10_000;
    static final int MAX_NAME = 200;
    static final Duration MAX_VALIDITY = Duration.ofDays(366);

    /** Ids a till can carry as a promotion code and a catalog can be named by. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REGION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Set<String> ROOT_FIELDS = Set.of("type", "catalogId", "version", "brand", "promotions");
    private static final Set<String> PROMOTION_FIELDS = Set.of("promotionId", "name", "products", "mechanics",
            "validity", "eligibility", "budget");
    private static final Set<String> VALIDITY_FIELDS = Set.of("from", "to");
    private static final Set<String> ELIGIBILITY_FIELDS = Set.of("regions", "areaProfiles", "stores");
    private static final Set<String> MONEY_FIELDS = Set.of("amount", "currency");

    /** A valid catalog, or every problem found. */
    record Result(Catalog catalog, List<Violation> problems) {
        Result {
            problems = List.copyOf(problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final List<Violation> problems = new ArrayList<>();

    private CatalogReader() {
    }

    /**
     * @param partnerId the brand partner that sent the catalog: the only brand it may define promotions for
     */
    static Result read(byte[] body, String partnerId) {
        return new CatalogReader().readCatalog(body, partnerId);
    }

    /** Whether a body without a {@code type} property looks like a catalog: a JSON object with its fields. */
    static boolean looksLikeCatalog(JsonNode root) {
        return root != null && root.isObject()
                && (TYPE.equals(root.path("type").asText(null)) || root.has("promotions") || root.has("catalogId"));
    }

    private Result readCatalog(byte[] body, String partnerId) {
        if (body == null || body.length == 0) {
            return failed("$", "empty message body, expected a promotion-catalog JSON document");
        }
        if (body.length > MAX_BYTES) {
            return failed("$", "is " + body.length + " bytes, at most " + MAX_BYTES + " are accepted");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            return failed("$", "not JSON: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            return failed("$", "must be a JSON object");
        }
        unknownFields(root, "", ROOT_FIELDS);
        JsonNode type = root.get("type");
        if (type != null && !TYPE.equals(type.asText(null))) {
            problem("type", "must be \"" + TYPE + "\" when given");
        }
        String catalogId = id(root, "catalogId", "catalogId");
        long version = 0;
        JsonNode versionNode = root.get("version");
        if (versionNode == null || versionNode.isNull()) {
            problem("version", "is required: a whole number from 1, higher for each new version of the catalog");
        } else if (!versionNode.isIntegralNumber() || !versionNode.canConvertToLong() || versionNode.asLong() < 1) {
            problem("version", "must be a whole number of at least 1");
        } else {
            version = versionNode.asLong();
        }
        String brand = text(root, "brand", "brand");
        if (brand != null && !brand.equals(partnerId)) {
            problem("brand", "must be \"" + partnerId + "\": a brand may only define promotions for itself");
        }
        List<PromotionDefinition> promotions = new ArrayList<>();
        JsonNode list = root.get("promotions");
        if (list == null || list.isNull()) {
            problem("promotions", "is required: a list of at least one promotion");
        } else if (!list.isArray()) {
            problem("promotions", "must be a list");
        } else if (list.isEmpty()) {
            problem("promotions", "must have at least one promotion");
        } else if (list.size() > MAX_PROMOTIONS) {
            problem("promotions", "has " + list.size() + " promotions, at most " + MAX_PROMOTIONS + " are accepted");
        } else {
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "promotions[" + i + "]";
                PromotionDefinition promotion = promotion(list.get(i), path);
                JsonNode id = list.get(i).get("promotionId");
                if (id != null && id.isTextual() && !ids.add(id.asText())) {
                    problem(path + ".promotionId", "\"" + clip(id.asText()) + "\" appears more than once");
                    promotion = null;
                }
                if (promotion != null) {
                    promotions.add(promotion);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new Catalog(catalogId, version, brand, promotions, hash(root)), List.of());
    }

    private PromotionDefinition promotion(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        int before = problems.size();
        unknownFields(node, path + ".", PROMOTION_FIELDS);
        String id = id(node, "promotionId", path + ".promotionId");
        String name = text(node, "name", path + ".name");
        if (name != null && name.length() > MAX_NAME) {
            problem(path + ".name", "must be at most " + MAX_NAME + " characters, has " + name.length());
        }
        List<Gtin> products = products(node.get("products"), path + ".products");
        Money budget = money(node.get("budget"), path + ".budget", true);
        Mechanics mechanics = mechanics(node.get("mechanics"), path + ".mechanics",
                budget == null ? null : budget.currency());
        OffsetDateTime[] validity = validity(node.get("validity"), path + ".validity");
        Eligibility eligibility = eligibility(node.get("eligibility"), path + ".eligibility");
        if (problems.size() > before) {
            return null;
        }
        return new PromotionDefinition(id, name, products, mechanics, validity[0], validity[1], eligibility, budget);
    }

    private List<Gtin> products(JsonNode node, String path) {
        List<Gtin> products = new ArrayList<>();
        if (node == null || node.isNull()) {
            problem(path, "is required: a list of at least one GTIN");
            return products;
        }
        if (!node.isArray()) {
            problem(path, "must be a list of GTINs");
            return products;
        }
        if (node.isEmpty()) {
            problem(path, "must have at least one GTIN");
        } else if (node.size() > MAX_PRODUCTS) {
            problem(path, "has " + node.size() + " GTINs, at most " + MAX_PRODUCTS + " are accepted");
            return products;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isTextual()) {
                problem(itemPath, "must be a GTIN as a string of digits");
                continue;
            }
            Optional<String> problem = Gtin.problem(item.asText());
            if (problem.isPresent()) {
                problem(itemPath, problem.get());
                continue;
            }
            Gtin gtin = Gtin.parse(item.asText());
            if (products.contains(gtin)) {
                problem(itemPath, "GTIN " + gtin.value() + " appears more than once");
            } else {
                products.add(gtin);
            }
        }
        return products;
    }

    private Mechanics mechanics(JsonNode node, String path, String budgetCurrency) {
        if (node == null || node.isNull()) {
            problem(path, "is required: an object with a type of percent-off, fixed-price, buy-x-get-y or"
                    + " bundle-price");
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        JsonNode type = node.get("type");
        String code = type == null || !type.isTextual() ? null : type.asText();
        if (code == null) {
            problem(path + ".type", "is required: one of percent-off, fixed-price, buy-x-get-y, bundle-price");
            return null;
        }
        switch (code) {
            case Mechanics.PercentOff.CODE -> {
                unknownFields(node, path + ".", Set.of("type", "percent"));
                Long percent = whole(node, "percent", path, 1, 99);
                return percent == null ? null : new Mechanics.PercentOff(percent.intValue());
            }
            case Mechanics.FixedPrice.CODE -> {
                unknownFields(node, path + ".", Set.of("type", "price", "currency"));
                Long price = whole(node, "price", path, 1, Long.MAX_VALUE);
                String currency = currency(node, path, budgetCurrency);
                return price == null || currency == null ? null : new Mechanics.FixedPrice(price, currency);
            }
            case Mechanics.BuyXGetY.CODE -> {
                unknownFields(node, path + ".", Set.of("type", "buy", "get"));
                Long buy = whole(node, "buy", path, 1, 100);
                Long get = whole(node, "get", path, 1, 100);
                return buy == null || get == null ? null : new Mechanics.BuyXGetY(buy.intValue(), get.intValue());
            }
            case Mechanics.BundlePrice.CODE -> {
                unknownFields(node, path + ".", Set.of("type", "quantity", "price", "currency"));
                Long quantity = whole(node, "quantity", path, 2, 100);
                Long price = whole(node, "price", path, 1, Long.MAX_VALUE);
                String currency = currency(node, path, budgetCurrency);
                return quantity == null || price == null || currency == null ? null
                        : new Mechanics.BundlePrice(quantity.intValue(), price, currency);
            }
            default -> {
                problem(path + ".type", "\"" + clip(code) + "\" is not one of percent-off, fixed-price, buy-x-get-y,"
                        + " bundle-price");
                return null;
            }
        }
    }

    private String currency(JsonNode node, String path, String budgetCurrency) {
        String currency = text(node, "currency", path + ".currency");
        if (currency == null) {
            return null;
        }
        try {
            Money.exponent(currency);
        } catch (IllegalArgumentException e) {
            problem(path + ".currency", e.getMessage());
            return null;
        }
        if (budgetCurrency != null && !budgetCurrency.equals(currency)) {
            problem(path + ".currency", "must be the budget's currency " + budgetCurrency + ", is " + currency);
            return null;
        }
        return currency;
    }

    private OffsetDateTime[] validity(JsonNode node, String path) {
        OffsetDateTime[] validity = new OffsetDateTime[2];
        if (node == null || node.isNull()) {
            problem(path, "is required: an object with from and to, ISO-8601 date-times with offsets");
            return validity;
        }
        if (!node.isObject()) {
            problem(path, "must be an object with from and to");
            return validity;
        }
        unknownFields(node, path + ".", VALIDITY_FIELDS);
        validity[0] = dateTime(node, "from", path + ".from");
        validity[1] = dateTime(node, "to", path + ".to");
        if (validity[0] != null && validity[1] != null) {
            if (!validity[1].isAfter(validity[0])) {
                problem(path + ".to", "must be after validity.from");
            } else if (Duration.between(validity[0], validity[1]).compareTo(MAX_VALIDITY) > 0) {
                problem(path + ".to", "must be at most " + MAX_VALIDITY.toDays() + " days after validity.from");
            }
        }
        return validity;
    }

    private OffsetDateTime dateTime(JsonNode node, String field, String path) {
        String text = text(node, field, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problem(path, "\"" + clip(text) + "\" is not an ISO-8601 date-time with an offset, such as"
                    + " 2026-12-01T00:00:00+08:00");
            return null;
        }
    }

    private Eligibility eligibility(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Eligibility.ALL;
        }
        if (!node.isObject()) {
            problem(path, "must be an object with regions, areaProfiles and stores");
            return null;
        }
        unknownFields(node, path + ".", ELIGIBILITY_FIELDS);
        Set<String> regions = strings(node.get("regions"), path + ".regions", REGION_ID, "a region id");
        Set<String> stores = strings(node.get("stores"), path + ".stores", STORE_ID, "a store id");
        Set<AreaProfile> areas = new LinkedHashSet<>();
        JsonNode list = node.get("areaProfiles");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problem(path + ".areaProfiles", "must be a list");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    try {
                        if (!item.isTextual()) {
                            throw new IllegalArgumentException("must be a string");
                        }
                        areas.add(AreaProfile.parse(item.asText()));
                    } catch (IllegalArgumentException e) {
                        problem(path + ".areaProfiles[" + i + "]", "must be one of student, office, residential,"
                                + " transit, tourist, mixed");
                    }
                }
            }
        }
        return new Eligibility(regions, areas, stores);
    }

    private Set<String> strings(JsonNode list, String path, Pattern pattern, String what) {
        Set<String> values = new LinkedHashSet<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            problem(path, "must be a list");
            return values;
        }
        if (list.size() > MAX_LIST) {
            problem(path, "has " + list.size() + " entries, at most " + MAX_LIST + " are accepted");
            return values;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
                problem(path + "[" + i + "]", "must be " + what + ": 1 to 64 letters, digits, '.', '_' or '-'");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private Money money(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required: {\"amount\": minor units, \"currency\": ISO 4217 code}, the most"
                        + " discount the brand funds");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object with amount and currency");
            return null;
        }
        unknownFields(node, path + ".", MONEY_FIELDS);
        Long amount = whole(node, "amount", path, 1, Long.MAX_VALUE);
        String currency = text(node, "currency", path + ".currency");
        if (currency != null) {
            try {
                Money.exponent(currency);
            } catch (IllegalArgumentException e) {
                problem(path + ".currency", e.getMessage());
                currency = null;
            }
        }
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

    private Long whole(JsonNode node, String field, String parentPath, long min, long max) {
        String path = parentPath + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problem(path, "is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(path, "must be a whole number" + (field.equals("price") || field.equals("amount")
                    ? " of minor units (fen for CNY, cents for USD)" : ""));
            return null;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problem(path, max == Long.MAX_VALUE ? "must be at least " + min + ", is " + number
                    : "must be from " + min + " to " + max + ", is " + number);
            return null;
        }
        return number;
    }

    private String id(JsonNode node, String field, String path) {
        String text = text(node, field, path);
        if (text != null && !ID.matcher(text).matches()) {
            problem(path, "\"" + clip(text) + "\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
            return null;
        }
        return text;
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problem(path, "is required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(path, "must be a non-empty string");
            return null;
        }
        return value.asText().strip();
    }

    private void unknownFields(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(prefix + clip(name), "is not a known field");
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(new Violation(path, message));
    }

    private Result failed(String path, String message) {
        problem(path, message);
        return new Result(null, problems);
    }

    private static String hash(JsonNode root) {
        try {
            byte[] canonical = Json.mapper().writeValueAsBytes(root);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a parsed catalog", e);
        }
    }

    static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
