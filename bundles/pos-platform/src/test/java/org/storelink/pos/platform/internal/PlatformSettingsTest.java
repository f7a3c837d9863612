package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.TestSupport.gtin13;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;

class PlatformSettingsTest {
    private static final String SECRET = "a-very-secret-value-42";

    private static PlatformSettings.Raw raw(String[] shops, String[] secrets, String[] gtins, String url, String key,
                                            String[] locations, String[] squareGtins) {
        return new PlatformSettings.Raw(shops, secrets, gtins, false, url, key, locations, squareGtins);
    }

    private static String problemsOf(PlatformSettings.Raw raw) {
        try {
            PlatformSettings.parse(raw);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    /** The typed configuration as DS would hand it over, with values by attribute name. */
    private static PlatformConfig config(java.util.Map<String, Object> values) {
        return (PlatformConfig) java.lang.reflect.Proxy.newProxyInstance(PlatformConfig.class.getClassLoader(),
                new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void theTypedConfigurationIsReadAttributeByAttribute() {
        PlatformSettings settings = PlatformSettings.from(config(java.util.Map.of(
                "shopify_shops", new String[] {"a.myshopify.com=store-a"},
                "shopify_secrets", new String[] {"a.myshopify.com=" + SECRET},
                "shopify_gtins", new String[] {"a.myshopify.com/TEA=" + gtin13("690123456789")},
                "shopify_acceptTestOrders", true,
                "square_notificationUrl", TestSupport.SQUARE_URL,
                "square_signatureKey", TestSupport.SQUARE_KEY,
                "square_locations", new String[] {"LOC=store-b"},
                "square_gtins", new String[] {"VAR=" + gtin13("400638133393")})));

        assertThat(settings.shop("a.myshopify.com").orElseThrow().secret())
                .isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(settings.shop("a.myshopify.com").orElseThrow().gtinBySku()).containsOnlyKeys("TEA");
        assertThat(settings.acceptTestOrders()).isTrue();
        assertThat(settings.square().notificationUrl()).isEqualTo(TestSupport.SQUARE_URL);
        assertThat(settings.square().signatureKey()).isEqualTo(TestSupport.SQUARE_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(settings.square().storeByLocation()).containsEntry("LOC", "store-b");
        assertThat(settings.square().gtinByCatalogObject()).containsOnlyKeys("VAR");
    }

    @Test
    void theDefaultsOfTheTypedConfigurationAreValid() {
        PlatformSettings settings = PlatformSettings.from(config(java.util.Map.of()));

        assertThat(settings.shops()).isEmpty();
        assertThat(settings.acceptTestOrders()).isFalse();
        assertThat(settings.square().verifiable()).isFalse();
    }

    @Test
    void emptyConfigurationIsValidAndServesNothing() {
        PlatformSettings settings = PlatformSettings.parse(raw(new String[0], new String[0], new String[0], "", "",
                new String[0], new String[0]));

        assertThat(settings.shops()).isEmpty();
        assertThat(settings.square().verifiable()).isFalse();
        assertThat(settings.square().storeByLocation()).isEmpty();
    }

    @Test
    void fullConfigurationIsParsed() {
        String gtin = gtin13("690123456789");
        PlatformSettings settings = TestSupport.settings()
                .gtin(TestSupport.SHOP, "TEA-500", gtin)
                .squareGtin("VAR123", gtin)
                .acceptTestOrders(true)
                .build();

        PlatformSettings.Shop shop = settings.shop("Corner-Shop.MyShopify.com").orElseThrow();
        assertThat(shop.storeId()).isEqualTo(TestSupport.SHOP_STORE);
        assertThat(shop.secret()).isEqualTo(TestSupport.SHOP_SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(shop.gtinBySku()).containsEntry("TEA-500", Gtin.parse(gtin));
        assertThat(settings.acceptTestOrders()).isTrue();
        assertThat(settings.square().verifiable()).isTrue();
        assertThat(settings.square().notificationUrl()).isEqualTo(TestSupport.SQUARE_URL);
        assertThat(settings.square().storeByLocation()).containsEntry(TestSupport.LOCATION,
                TestSupport.LOCATION_STORE);
        assertThat(settings.square().gtinByCatalogObject()).containsEntry("VAR123", Gtin.parse(gtin));
    }

    @Test
    void commaSeparatedEntriesAsACfgFileGivesThemAreSplit() {
        PlatformSettings settings = PlatformSettings.parse(raw(
                new String[] {"a.myshopify.com=store-a, b.myshopify.com=store-b"},
                new String[] {"a.myshopify.com=" + SECRET + " , b.myshopify.com=" + SECRET},
                new String[] {"a.myshopify.com/SKU 1=" + gtin13("400638133393")},
                TestSupport.SQUARE_URL, TestSupport.SQUARE_KEY, new String[] {"LOC1=store-a,LOC2=store-b"},
                new String[0]));

        assertThat(settings.shops()).containsOnlyKeys("a.myshopify.com", "b.myshopify.com");
        assertThat(settings.shop("a.myshopify.com").orElseThrow().gtinBySku()).containsOnlyKeys("SKU 1");
        assertThat(settings.square().storeByLocation()).containsOnlyKeys("LOC1", "LOC2");
    }

    @Test
    void skuMayContainSlashesAndEqualsSigns() {
        PlatformSettings settings = PlatformSettings.parse(raw(new String[] {"a.myshopify.com=store-a"},
                new String[] {"a.myshopify.com=" + SECRET},
                new String[] {"a.myshopify.com/BOX/12=PACK=" + gtin13("400638133393")},
                "", "", new String[0], new String[0]));

        assertThat(settings.shop("a.myshopify.com").orElseThrow().gtinBySku()).containsOnlyKeys("BOX/12=PACK");
    }

    @Test
    void everyProblemIsReportedWithItsKeyAndThePid() {
        String message = problemsOf(raw(
                new String[] {"not a domain=store-1", "b.myshopify.com=bad/id", "c.myshopify.com"},
                new String[] {"unknown.myshopify.com=" + SECRET},
                new String[] {"b.myshopify.com/SKU=123"},
                "ftp://example.com/hook", "short",
                new String[] {"LOC 1=store-1"}, new String[] {"VAR=6901234567891"}));

        assertThat(message).startsWith("Invalid configuration org.storelink.pos.platform: ");
        assertThat(message)
                .contains("shopify.shops[0]: \"not a domain\" is not a shop domain")
                .contains("shopify.shops[1]: store id \"bad/id\" must be")
                .contains("shopify.shops[2]: must be shop-domain=storeId")
                .contains("shopify.secrets[0]: shop \"unknown.myshopify.com\" is not in shopify.shops")
                .contains("shopify.gtins[0]: shop \"b.myshopify.com\" is not in shopify.shops")
                .contains("square.notificationUrl: \"ftp://example.com/hook\" must be an absolute https:// URL")
                .contains("square.signatureKey: must be at least 16 characters")
                .contains("square.locations[0]: location id \"LOC 1\" must be")
                .contains("square.gtins[0]: GTIN \"6901234567891\" check digit is 1, expected 2");
    }

    @Test
    void aShopWithoutASecretIsRefused() {
        String message = problemsOf(raw(new String[] {"a.myshopify.com=store-a"}, new String[0], new String[0],
                "", "", new String[0], new String[0]));

        assertThat(message).contains("shopify.secrets: no secret for shop a.myshopify.com (listed in shopify.shops)");
    }

    @Test
    void aShortOrSecondSecretIsRefusedWithoutQuotingIt() {
        String message = problemsOf(raw(new String[] {"a.myshopify.com=store-a", "b.myshopify.com=store-b"},
                new String[] {"a.myshopify.com=tiny-secret", "b.myshopify.com=" + SECRET,
                        "b.myshopify.com=" + SECRET + "-other"},
                new String[0], "", "", new String[0], new String[0]));

        assertThat(message)
                .contains("shopify.secrets[0]: the secret of a.myshopify.com must be at least 16 characters")
                .contains("shopify.secrets[2]: shop b.myshopify.com has a second secret")
                .doesNotContain("tiny-secret")
                .doesNotContain(SECRET)
                .doesNotContain("no secret for shop a.myshopify.com");
    }

    @Test
    void aSecretEntryWithoutADomainIsRefusedWithoutQuotingIt() {
        String message = problemsOf(raw(new String[] {"a.myshopify.com=store-a"}, new String[] {SECRET},
                new String[0], "", "", new String[0], new String[0]));

        assertThat(message).contains("shopify.secrets[0]: must be shop-domain=secret").doesNotContain(SECRET);
    }

    @Test
    void duplicatesAreRefused() {
        String message = problemsOf(raw(new String[] {"a.myshopify.com=store-a", "A.myshopify.com=store-b"},
                new String[] {"a.myshopify.com=" + SECRET},
                new String[] {"a.myshopify.com/SKU=" + gtin13("400638133393"),
                        "a.myshopify.com/SKU=" + gtin13("690123456789")},
                TestSupport.SQUARE_URL, TestSupport.SQUARE_KEY, new String[] {"LOC=store-a", "LOC=store-b"},
                new String[] {"VAR=" + gtin13("400638133393"), "VAR=" + gtin13("400638133393")}));

        assertThat(message)
                .contains("shopify.shops[1]: shop a.myshopify.com is listed twice")
                .contains("shopify.gtins[1]: SKU \"SKU\" of a.myshopify.com is listed twice")
                .contains("square.locations[1]: location LOC is listed twice")
                .contains("square.gtins[1]: catalog object VAR is listed twice");
    }

    @Test
    void squareLocationsNeedTheUrlAndTheKey() {
        String message = problemsOf(raw(new String[0], new String[0], new String[0], "", "",
                new String[] {"LOC=store-a"}, new String[0]));

        assertThat(message)
                .contains("square.notificationUrl: is required when square.locations is set")
                .contains("square.signatureKey: is required when square.locations is set");
    }

    @Test
    void secretsNeverAppearInToString() {
        PlatformSettings settings = TestSupport.settings().build();

        assertThat(settings.toString())
                .doesNotContain(TestSupport.SHOP_SECRET)
                .doesNotContain(TestSupport.SQUARE_KEY)
                .contains(TestSupport.SHOP)
                .contains("(hidden)");
    }

    @Test
    void secretsAreDefensivelyCopied() {
        PlatformSettings settings = TestSupport.settings().build();
        PlatformSettings.Shop shop = settings.shop(TestSupport.SHOP).orElseThrow();

        shop.secret()[0] = 'X';
        settings.square().signatureKey()[0] = 'X';

        assertThat(shop.secret()).isEqualTo(TestSupport.SHOP_SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(settings.square().signatureKey()).isEqualTo(TestSupport.SQUARE_KEY.getBytes(StandardCharsets.UTF_8));
    }
}
