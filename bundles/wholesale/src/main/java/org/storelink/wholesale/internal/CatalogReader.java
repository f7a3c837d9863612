package org.storelink.wholesale.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.partners.Partner;

/**
 * Reads supplier catalogues, from the suppliers file and from {@code supplier-catalog} messages, checking
 * everything and naming every problem by its JSON path ({@code products[2].tiers[1].minQuantity: ...}). Unknown
 * fields are refused, so that a misspelt field is not silently ignored.
 */
final class CatalogReader {
    static final int MAX_PRODUCTS = 100_000;
    static final int MAX_PACK = 100_000;
    static final int MAX_LEAD_DAYS = 365;
    static final int MAX_NAME = 200;
    private static final Set<String> PRODUCT_FIELDS = Set.of("gtin", "name", "packSize", "leadTimeDays", "currency",
            "tiers");
    private static final Set<String> TIER_FIELDS = Set.of("minQuantity", "unitPrice");
    private static final Set<String> SUPPLIER_FIELDS = Set.of("id", "name", "partyId", "format", "channel",
            "regions", "products");
    private static final Set<String> MESSAGE_FIELDS = Set.of("type", "supplierId", "products");

    private CatalogReader() {
    }

    /** Thrown with every problem found. */
    static final class InvalidCatalogException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidCatalogException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** The suppliers file: {@code {"suppliers": [...]}}. */
    static List<Supplier> suppliersFile(JsonNode root) throws InvalidCatalogException {
        List<String> problems = new ArrayList<>();
        List<Supplier> suppliers = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidCatalogException(List.of("$: must be a JSON object {\"suppliers\": [...]}"));
        }
        unknownFields(root, Set.of("suppliers"), "", problems);
        JsonNode list = root.get("suppliers");
        if (list == null || !list.isArray()) {
            problems.add("suppliers: is required as an array");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Supplier supplier = supplier(list.get(i), "suppliers[" + i + "]", problems);
                if (supplier != null && !ids.add(supplier.id())) {
                    problems.add("suppliers[" + i + "].id: '" + supplier.id() + "' is listed twice");
                }
                if (supplier != null) {
                    suppliers.add(supplier);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return suppliers;
    }

    /** A {@code supplier-catalog} message from partner {@code partnerId}: its products. */
    static List<CatalogProduct> message(JsonNode root, String partnerId) throws InvalidCatalogException {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidCatalogException(List.of("$: must be a JSON object"));
        }
        unknownFields(root, MESSAGE_FIELDS, "", problems);
        if (!"supplier-catalog".equals(root.path("type").asText(null))) {
            problems.add("type: must be \"supplier-catalog\"");
        }
        JsonNode supplierId = root.get("supplierId");
        if (supplierId != null && !(supplierId.isTextual() && supplierId.asText().equals(partnerId))) {
            problems.add("supplierId: must be the sending partner's id '" + partnerId + "' when given");
        }
        List<CatalogProduct> products = products(root.get("products"), "products", problems);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return products;
    }

    private static Supplier supplier(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        unknownFields(node, SUPPLIER_FIELDS, path + ".", problems);
        String id = text(node, "id", path, true, problems);
        if (id != null) {
            try {
                Partner.checkId(id);
            } catch (IllegalArgumentException e) {
                problems.add(path + "." + e.getMessage());
            }
        }
        String name = text(node, "name", path, false, problems);
        String partyId = text(node, "partyId", path, false, problems);
        if (partyId != null && !partyId.matches("[A-Za-z0-9.-]{1,35}")) {
            problems.add(path + ".partyId: must be 1 to 35 letters, digits, '.' or '-'");
        }
        DocumentFormat format = DocumentFormat.UBL;
        String formatCode = text(node, "format", path, false, problems);
        if (formatCode != null) {
            try {
                format = DocumentFormat.of(formatCode);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".format: " + e.getMessage());
            }
        }
        Channel channel = channel(node.get("channel"), path + ".channel", problems);
        Set<String> regions = new LinkedHashSet<>();
        JsonNode regionList = node.get("regions");
        if (regionList != null && !regionList.isNull()) {
            if (!regionList.isArray()) {
                problems.add(path + ".regions: must be an array of region ids");
            } else {
                for (int i = 0; i < regionList.size(); i++) {
                    if (!regionList.get(i).isTextual() || regionList.get(i).asText().isBlank()) {
                        problems.add(path + ".regions[" + i + "]: must be a region id");
                    } else {
                        regions.add(regionList.get(i).asText());
                    }
                }
            }
        }
        List<CatalogProduct> products = node.has("products") ? products(node.get("products"), path + ".products",
                problems) : List.of();
        if (problems.size() > before) {
            return null;
        }
        return new Supplier(id, name == null ? id : name, partyId == null ? id : partyId, format, channel, regions,
                products);
    }

    private static Channel channel(JsonNode node, String path, List<String> problems) {
        if (node == null || node.isNull()) {
            return Channel.PARTNER;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be an object {\"type\": \"partner|sftp|http\", ...}");
            return Channel.PARTNER;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "partner" -> {
                unknownFields(node, Set.of("type"), path + ".", problems);
                return Channel.PARTNER;
            }
            case "sftp" -> {
                unknownFields(node, Set.of("type", "uri"), path + ".", problems);
                String uri = node.path("uri").asText("");
                if (!uri.startsWith("sftp:")) {
                    problems.add(path + ".uri: must be a Camel sftp endpoint URI such as"
                            + " sftp://host:22/orders?username=storelink&privateKeyFile=/etc/keys/id");
                }
                return new Channel(Channel.Type.SFTP, uri, Map.of());
            }
            case "http" -> {
                unknownFields(node, Set.of("type", "url", "headers"), path + ".", problems);
                String url = node.path("url").asText("");
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    problems.add(path + ".url: must be an http:// or https:// URL");
                }
                Map<String, String> headers = new LinkedHashMap<>();
                JsonNode given = node.get("headers");
                if (given != null && !given.isNull()) {
                    if (!given.isObject()) {
                        problems.add(path + ".headers: must be an object of header name to value");
                    } else {
                        given.fields().forEachRemaining(entry -> {
                            if (!entry.getValue().isTextual()) {
                                problems.add(path + ".headers." + entry.getKey() + ": must be a string");
                            } else {
                                headers.put(entry.getKey(), entry.getValue().asText());
                            }
                        });
                    }
                }
                return new Channel(Channel.Type.HTTP, url, headers);
            }
            default -> {
                problems.add(path + ".type: must be partner, sftp or http, got '" + type + "'");
                return Channel.PARTNER;
            }
        }
    }

    static List<CatalogProduct> products(JsonNode list, String path, List<String> problems) {
        List<CatalogProduct> products = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(path + ": is required as an array");
            return products;
        }
        if (list.size() > MAX_PRODUCTS) {
            problems.add(path + ": at most " + MAX_PRODUCTS + " products, has " + list.size());
            return products;
        }
        Set<Gtin> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            CatalogProduct product = product(list.get(i), at, problems);
            if (product != null) {
                if (!seen.add(product.gtin())) {
                    problems.add(at + ".gtin: " + product.gtin().value() + " is listed twice");
                } else {
                    products.add(product);
                }
            }
        }
        return products;
    }

    private static CatalogProduct product(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        unknownFields(node, PRODUCT_FIELDS, path + ".", problems);
        Gtin gtin = null;
        JsonNode gtinNode = node.get("gtin");
        if (gtinNode == null || !gtinNode.isTextual()) {
            problems.add(path + ".gtin: is required as a string of digits");
        } else {
            var problem = Gtin.problem(gtinNode.asText());
            if (problem.isPresent()) {
                problems.add(path + ".gtin: " + problem.get());
            } else {
                gtin = Gtin.parse(gtinNode.asText());
            }
        }
        String name = text(node, "name", path, true, problems);
        if (name != null && name.length() > MAX_NAME) {
            problems.add(path + ".name: must be at most " + MAX_NAME + " characters");
        }
        long packSize = whole(node, "packSize", path, 1, MAX_PACK, problems);
        long leadTime = whole(node, "leadTimeDays", path, 0, MAX_LEAD_DAYS, problems);
        String currency = text(node, "currency", path, true, problems);
        if (currency != null) {
            try {
                Money.exponent(currency);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".currency: " + e.getMessage());
            }
        }
        List<CatalogProduct.PriceTier> tiers = new ArrayList<>();
        JsonNode tierList = node.get("tiers");
        if (tierList == null || !tierList.isArray() || tierList.isEmpty()) {
            problems.add(path + ".tiers: is required as a non-empty array of {minQuantity, unitPrice}");
        } else {
            long previous = 0;
            for (int i = 0; i < tierList.size(); i++) {
                String at = path + ".tiers[" + i + "]";
                JsonNode tier = tierList.get(i);
                if (!tier.isObject()) {
                    problems.add(at + ": must be an object {minQuantity, unitPrice}");
                    continue;
                }
                unknownFields(tier, TIER_FIELDS, at + ".", problems);
                long min = whole(tier, "minQuantity", at, 1, Long.MAX_VALUE / 2, problems);
                long price = whole(tier, "unitPrice", at, 0, Long.MAX_VALUE / 2, problems);
                if (min > 0 && min <= previous) {
                    problems.add(at + ".minQuantity: must be above the previous tier's " + previous);
                }
                if (i == 0 && min > 0 && packSize > 0 && min > packSize) {
                    problems.add(at + ".minQuantity: the first tier must start at or below one pack (" + packSize
                            + ") so that every order has a price");
                }
                if (min > 0) {
                    previous = min;
                }
                tiers.add(new CatalogProduct.PriceTier(min, price));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new CatalogProduct(gtin, name, (int) packSize, (int) leadTime, currency, tiers);
    }

    private static String text(JsonNode node, String field, String path, boolean required, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + "." + field + ": is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(path + "." + field + ": must be a non-empty string");
            return null;
        }
        if (value.asText().chars().anyMatch(Character::isISOControl)) {
            problems.add(path + "." + field + ": must not contain control characters");
            return null;
        }
        return value.asText().strip();
    }

    /** A whole number in range; -1 when missing or wrong (after naming the problem). */
    private static long whole(JsonNode node, String field, String path, long min, long max, List<String> problems) {
        JsonNode value = node.get(field);
        String at = path.isEmpty() ? field : path + "." + field;
        if (value == null || value.isNull()) {
            problems.add(at + ": is required");
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(at + ": must be a whole number");
            return -1;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problems.add(at + ": must be from " + min + " to " + max + ", is " + number);
            return -1;
        }
        return number;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown field");
            }
        }
    }
}
