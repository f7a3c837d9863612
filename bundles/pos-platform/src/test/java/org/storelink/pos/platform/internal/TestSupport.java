package org.storelink.pos.platform.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.storelink.model.Gtin;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** Shared fixtures: settings, a store registry, and signatures computed with the JDK only. */
final class TestSupport {
    static final Instant NOW = Instant.parse("2026-11-26T01:16:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SHOP = "corner-shop.myshopify.com";
    static final String SHOP_STORE = "sh-campus-001";
    static final String SHOP_SECRET = "shopify-app-secret-0123456789";
    static final String SQUARE_URL = "https://storelink.example.com/storelink/api/v1/webhooks/square";
    static final String SQUARE_KEY = "square-signature-key-0123";
    static final String LOCATION = "L8GWD5R9QB376";
    static final String LOCATION_STORE = "tokyo-001";

    private TestSupport() {
    }

    /** A valid GTIN-13 from 12 data digits, with the check digit computed. */
    static String gtin13(String twelveDigits) {
        return twelveDigits + Gtin.checkDigit(twelveDigits);
    }

    /** The base64 HMAC-SHA256 of the concatenated parts, computed here with the JDK only. */
    static String hmacBase64(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String squareSignature(byte[] body) {
        return hmacBase64(SQUARE_KEY, SQUARE_URL.getBytes(StandardCharsets.UTF_8), body);
    }

    static String shopifySignature(byte[] body) {
        return hmacBase64(SHOP_SECRET, body);
    }

    /** One shop and one Square location, both registered stores, plus whatever the caller adds. */
    static Settings settings() {
        return new Settings()
                .shop(SHOP, SHOP_STORE, SHOP_SECRET)
                .square(SQUARE_URL, SQUARE_KEY)
                .location(LOCATION, LOCATION_STORE);
    }

    /** Builds the raw configuration values the way a .config file gives them, then parses them. */
    static final class Settings {
        private final List<String> shops = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private final List<String> gtins = new ArrayList<>();
        private final List<String> locations = new ArrayList<>();
        private final List<String> squareGtins = new ArrayList<>();
        private boolean acceptTestOrders;
        private String url = "";
        private String key = "";

        Settings shop(String domain, String storeId, String secret) {
            shops.add(domain + "=" + storeId);
            secrets.add(domain + "=" + secret);
            return this;
        }

        Settings gtin(String domain, String sku, String gtin) {
            gtins.add(domain + "/" + sku + "=" + gtin);
            return this;
        }

        Settings acceptTestOrders(boolean accept) {
            acceptTestOrders = accept;
            return this;
        }

        Settings square(String notificationUrl, String signatureKey) {
            url = notificationUrl;
            key = signatureKey;
            return this;
        }

        Settings location(String location, String storeId) {
            locations.add(location + "=" + storeId);
            return this;
        }

        Settings squareGtin(String catalogObjectId, String gtin) {
            squareGtins.add(catalogObjectId + "=" + gtin);
            return this;
        }

        PlatformSettings.Raw raw() {
            return new PlatformSettings.Raw(shops.toArray(String[]::new), secrets.toArray(String[]::new),
                    gtins.toArray(String[]::new), acceptTestOrders, url, key, locations.toArray(String[]::new),
                    squareGtins.toArray(String[]::new));
        }

        PlatformSettings build() {
            return PlatformSettings.parse(raw());
        }
    }

    /** A registry that knows the given store ids (and no secrets: platforms sign with their own). */
    static final class KnownStores implements StoreRegistry {
        private final Set<String> ids;

        KnownStores(String... ids) {
            this.ids = Set.of(ids);
        }

        static KnownStores standard() {
            return new KnownStores(SHOP_STORE, LOCATION_STORE);
        }

        @Override
        public Optional<Store> store(String id) {
            return ids.contains(id)
                    ? Optional.of(new Store(id, id, "east", null, ZoneId.of("Asia/Shanghai"), null))
                    : Optional.empty();
        }

        @Override
        public List<Store> stores() {
            return ids.stream().sorted().map(id -> store(id).orElseThrow()).toList();
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return Optional.empty();
        }
    }
}
