package org.storelink.pos.platform.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.storelink.model.Gtin;

/**
 * The validated form of {@link PlatformConfig}. Every problem is collected and reported at once, each naming its
 * configuration key (and entry index); no message ever contains a secret.
 */
final class PlatformSettings {
    static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern SQUARE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_SKU_LENGTH = 255;

    /** A Shopify shop: which store it is, its app's client secret, and GTINs for SKUs without a barcode. */
    record Shop(String domain, String storeId, byte[] secret, Map<String, Gtin> gtinBySku) {
        Shop {
            secret = secret.clone();
            gtinBySku = Map.copyOf(gtinBySku);
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "Shop[" + domain + " -> " + storeId + ", secret=(hidden), " + gtinBySku.size() + " SKU GTINs]";
        }
    }

    /** The Square subscription: its notification URL and key, and which location is which store. */
    record Square(String notificationUrl, byte[] signatureKey, Map<String, String> storeByLocation,
                  Map<String, Gtin> gtinByCatalogObject) {
        Square {
            signatureKey = signatureKey.clone();
            storeByLocation = Map.copyOf(storeByLocation);
            gtinByCatalogObject = Map.copyOf(gtinByCatalogObject);
        }

        @Override
        public byte[] signatureKey() {
            return signatureKey.clone();
        }

        /** Whether Square posts can be verified at all: a URL and a key are configured. */
        boolean verifiable() {
            return !notificationUrl.isEmpty() && signatureKey.length > 0;
        }

        @Override
        public String toString() {
            return "Square[" + notificationUrl + ", key=(hidden), " + storeByLocation.size() + " locations, "
                    + gtinByCatalogObject.size() + " catalog GTINs]";
        }
    }

    /** The raw values, as the configuration holds them. */
    record Raw(String[] shopifyShops, String[] shopifySecrets, String[] shopifyGtins, boolean acceptTestOrders,
               String squareNotificationUrl, String squareSignatureKey, String[] squareLocations,
               String[] squareGtins) {
    }

    private final Map<String, Shop> shops;
    private final boolean acceptTestOrders;
    private final Square square;

    private PlatformSettings(Map<String, Shop> shops, boolean acceptTestOrders, Square square) {
        this.shops = Map.copyOf(shops);
        this.acceptTestOrders = acceptTestOrders;
        this.square = square;
    }

    static PlatformSettings from(PlatformConfig config) {
        return parse(new Raw(config.shopify_shops(), config.shopify_secrets(), config.shopify_gtins(),
                config.shopify_acceptTestOrders(), config.square_notificationUrl(), config.square_signatureKey(),
                config.square_locations(), config.square_gtins()));
    }

    /** @throws IllegalArgumentException naming every invalid key, with the pid */
    static PlatformSettings parse(Raw raw) {
        List<String> problems = new ArrayList<>();

        Map<String, String> storeByDomain = new LinkedHashMap<>();
        List<String> shopEntries = entries(raw.shopifyShops());
        for (int i = 0; i < shopEntries.size(); i++) {
            String key = "shopify.shops[" + i + "]";
            String[] pair = split(shopEntries.get(i), '=');
            if (pair == null) {
                problems.add(key + ": must be shop-domain=storeId, not \"" + Texts.clip(shopEntries.get(i)) + "\"");
                continue;
            }
            String domain = pair[0].toLowerCase(Locale.ROOT);
            boolean ok = true;
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(key + ": \"" + Texts.clip(pair[0]) + "\" is not a shop domain such as"
                        + " corner-shop.myshopify.com");
                ok = false;
            }
            if (!STORE_ID.matcher(pair[1]).matches()) {
                problems.add(key + ": store id \"" + Texts.clip(pair[1])
                        + "\" must be 1-64 letters, digits, '.', '_' or '-'");
                ok = false;
            }
            if (ok && storeByDomain.putIfAbsent(domain, pair[1]) != null) {
                problems.add(key + ": shop " + domain + " is listed twice");
            }
        }

        Map<String, byte[]> secretByDomain = new LinkedHashMap<>();
        Set<String> domainsGivenASecret = new HashSet<>();
        List<String> secretEntries = entries(raw.shopifySecrets());
        for (int i = 0; i < secretEntries.size(); i++) {
            String key = "shopify.secrets[" + i + "]";
            // The entry holds a secret: messages never quote it.
            String[] pair = split(secretEntries.get(i), '=');
            if (pair == null) {
                problems.add(key + ": must be shop-domain=secret");
                continue;
            }
            String domain = pair[0].toLowerCase(Locale.ROOT);
            boolean first = domainsGivenASecret.add(domain);
            if (!storeByDomain.containsKey(domain)) {
                problems.add(key + ": shop \"" + Texts.clip(pair[0]) + "\" is not in shopify.shops");
            } else if (!first) {
                problems.add(key + ": shop " + domain + " has a second secret");
            } else if (pair[1].length() < MIN_SECRET_LENGTH) {
                problems.add(key + ": the secret of " + domain + " must be at least " + MIN_SECRET_LENGTH
                        + " characters");
            } else {
                secretByDomain.put(domain, pair[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        for (String domain : storeByDomain.keySet()) {
            if (!domainsGivenASecret.contains(domain)) {
                problems.add("shopify.secrets: no secret for shop " + domain + " (listed in shopify.shops)");
            }
        }

        Map<String, Map<String, Gtin>> gtinsByDomain = new LinkedHashMap<>();
        List<String> gtinEntries = entries(raw.shopifyGtins());
        for (int i = 0; i < gtinEntries.size(); i++) {
            String key = "shopify.gtins[" + i + "]";
            String entry = gtinEntries.get(i);
            int slash = entry.indexOf('/');
            String[] skuAndGtin = slash < 0 ? null : splitLast(entry.substring(slash + 1), '=');
            if (slash <= 0 || skuAndGtin == null) {
                problems.add(key + ": must be shop-domain/sku=gtin, not \"" + Texts.clip(entry) + "\"");
                continue;
            }
            String domain = entry.substring(0, slash).strip().toLowerCase(Locale.ROOT);
            String sku = skuAndGtin[0];
            if (!storeByDomain.containsKey(domain)) {
                problems.add(key + ": shop \"" + Texts.clip(domain) + "\" is not in shopify.shops");
                continue;
            }
            if (sku.length() > MAX_SKU_LENGTH) {
                problems.add(key + ": the SKU must be at most " + MAX_SKU_LENGTH + " characters");
                continue;
            }
            Optional<Gtin> gtin = gtin(key, skuAndGtin[1], problems);
            if (gtin.isPresent() && gtinsByDomain.computeIfAbsent(domain, d -> new LinkedHashMap<>())
                    .putIfAbsent(sku, gtin.get()) != null) {
                problems.add(key + ": SKU \"" + Texts.clip(sku) + "\" of " + domain + " is listed twice");
            }
        }

        String url = raw.squareNotificationUrl() == null ? "" : raw.squareNotificationUrl().strip();
        if (!url.isEmpty()) {
            urlProblem(url).ifPresent(p -> problems.add("square.notificationUrl: " + p));
        }
        String signatureKey = raw.squareSignatureKey() == null ? "" : raw.squareSignatureKey().strip();
        if (!signatureKey.isEmpty() && signatureKey.length() < MIN_SECRET_LENGTH) {
            problems.add("square.signatureKey: must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        Map<String, String> storeByLocation = new LinkedHashMap<>();
        List<String> locationEntries = entries(raw.squareLocations());
        for (int i = 0; i < locationEntries.size(); i++) {
            String key = "square.locations[" + i + "]";
            String[] pair = split(locationEntries.get(i), '=');
            if (pair == null) {
                problems.add(key + ": must be locationId=storeId, not \"" + Texts.clip(locationEntries.get(i))
                        + "\"");
                continue;
            }
            boolean ok = true;
            if (!SQUARE_ID.matcher(pair[0]).matches()) {
                problems.add(key + ": location id \"" + Texts.clip(pair[0])
                        + "\" must be 1-64 letters, digits, '_' or '-'");
                ok = false;
            }
            if (!STORE_ID.matcher(pair[1]).matches()) {
                problems.add(key + ": store id \"" + Texts.clip(pair[1])
                        + "\" must be 1-64 letters, digits, '.', '_' or '-'");
                ok = false;
            }
            if (ok && storeByLocation.putIfAbsent(pair[0], pair[1]) != null) {
                problems.add(key + ": location " + pair[0] + " is listed twice");
            }
        }
        if (!locationEntries.isEmpty()) {
            if (url.isEmpty()) {
                problems.add("square.notificationUrl: is required when square.locations is set");
            }
            if (signatureKey.isEmpty()) {
                problems.add("square.signatureKey: is required when square.locations is set");
            }
        }
        Map<String, Gtin> gtinByCatalogObject = new LinkedHashMap<>();
        List<String> squareGtinEntries = entries(raw.squareGtins());
        for (int i = 0; i < squareGtinEntries.size(); i++) {
            String key = "square.gtins[" + i + "]";
            String[] pair = split(squareGtinEntries.get(i), '=');
            if (pair == null || !SQUARE_ID.matcher(pair[0]).matches()) {
                problems.add(key + ": must be catalogObjectId=gtin, not \"" + Texts.clip(squareGtinEntries.get(i))
                        + "\"");
                continue;
            }
            Optional<Gtin> gtin = gtin(key, pair[1], problems);
            if (gtin.isPresent() && gtinByCatalogObject.putIfAbsent(pair[0], gtin.get()) != null) {
                problems.add(key + ": catalog object " + pair[0] + " is listed twice");
            }
        }

        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + PlatformConfig.PID + ": "
                    + String.join("; ", problems));
        }
        Map<String, Shop> shops = new LinkedHashMap<>();
        storeByDomain.forEach((domain, storeId) -> shops.put(domain, new Shop(domain, storeId,
                secretByDomain.get(domain), gtinsByDomain.getOrDefault(domain, Map.of()))));
        return new PlatformSettings(shops, raw.acceptTestOrders(), new Square(url,
                signatureKey.getBytes(StandardCharsets.UTF_8), storeByLocation, gtinByCatalogObject));
    }

    Optional<Shop> shop(String domain) {
        return domain == null ? Optional.empty() : Optional.ofNullable(shops.get(domain.toLowerCase(Locale.ROOT)));
    }

    Map<String, Shop> shops() {
        return shops;
    }

    boolean acceptTestOrders() {
        return acceptTestOrders;
    }

    Square square() {
        return square;
    }

    @Override
    public String toString() {
        return "PlatformSettings[shops=" + shops.values() + ", acceptTestOrders=" + acceptTestOrders + ", square="
                + square + "]";
    }

    /** Entries of a list setting; each may itself be a comma-separated list, as a .cfg file gives it. */
    private static List<String> entries(String[] values) {
        List<String> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(entries::add);
        }
        return entries;
    }

    /** {@code key=value} split at the first separator, both sides stripped and non-empty; else null. */
    private static String[] split(String entry, char separator) {
        int at = entry.indexOf(separator);
        return at < 0 ? null : pair(entry.substring(0, at), entry.substring(at + 1));
    }

    private static String[] splitLast(String entry, char separator) {
        int at = entry.lastIndexOf(separator);
        return at < 0 ? null : pair(entry.substring(0, at), entry.substring(at + 1));
    }

    private static String[] pair(String left, String right) {
        String key = left.strip();
        String value = right.strip();
        return key.isEmpty() || value.isEmpty() ? null : new String[] {key, value};
    }

    private static Optional<Gtin> gtin(String key, String raw, List<String> problems) {
        Optional<String> problem = Gtin.problem(raw);
        if (problem.isPresent()) {
            problems.add(key + ": GTIN \"" + Texts.clip(raw) + "\" " + problem.get());
            return Optional.empty();
        }
        return Optional.of(Gtin.parse(raw));
    }

    private static Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("\"" + Texts.clip(url) + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return Optional.of("\"" + Texts.clip(url) + "\" must be an absolute https:// URL, exactly as in the"
                    + " Square subscription");
        }
        return Optional.empty();
    }
}
