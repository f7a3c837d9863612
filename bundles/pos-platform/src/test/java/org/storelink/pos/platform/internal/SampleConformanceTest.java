package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.RouteHarness.json;
import static org.storelink.pos.platform.internal.RouteHarness.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleRecorded;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;

/**
 * Every real sample in the shared data folder (read in place; skipped with a message when absent). The samples'
 * real secrets are unknown, so each body is signed here with a test secret: the point is verification of what is
 * sent and the mapping of what Shopify and Square really send.
 */
class SampleConformanceTest {
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(-?[0-9.eE+]+)");

    /** The exact digits of the order's id token in the file's text, read without any JSON library. */
    private static String idToken(Path file, String containerField) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int container = text.indexOf("\"" + containerField + "\"");
        Matcher matcher = FIRST_ID.matcher(text);
        assertThat(matcher.find(container)).as("an id token in " + file).isTrue();
        return matcher.group(1);
    }

    private static String containerField(JsonNode sample) {
        return sample.has("body") ? "body" : "response";
    }

    /** Test GTINs in the GS1 restricted-circulation range (prefix 2, for in-store numbering), one per SKU. */
    private static Map<String, Gtin> catalogue(JsonNode order) {
        Map<String, Gtin> bySku = new LinkedHashMap<>();
        for (JsonNode item : order.get("line_items")) {
            String sku = item.get("sku").asText();
            String data = String.format("2%011d", bySku.size() + 1);
            bySku.putIfAbsent(sku, Gtin.parse(data + Gtin.checkDigit(data)));
        }
        return bySku;
    }

    private static byte[] bytes(JsonNode node) {
        return Json.write(node);
    }

    @TestFactory
    List<DynamicTest> everyShopifySampleVerifiesAndMapsToItsStatedTotal() {
        return SharedData.perSample("shopify_", file -> {
            JsonNode sample = SharedData.read(file);
            JsonNode order = SharedData.body(sample);
            byte[] body = bytes(order);
            String shopSecret = TestSupport.SHOP_SECRET;
            String signature = TestSupport.hmacBase64(shopSecret, body);

            // The delivery verifies; a body changed by one byte does not.
            byte[] secret = shopSecret.getBytes(StandardCharsets.UTF_8);
            assertThat(Base64HmacSignature.check(signature, secret, body))
                    .isEqualTo(Base64HmacSignature.Check.VALID);
            byte[] tampered = body.clone();
            tampered[body.length / 3] ^= 0x02;
            assertThat(Base64HmacSignature.check(signature, secret, tampered))
                    .isEqualTo(Base64HmacSignature.Check.MISMATCH);

            JsonNode parsed = JsonBody.parse(body);
            MappedSale mapped = ShopifyOrderMapper.map(parsed, "shop-1", catalogue(order));
            assertThat(mapped.violations()).as("violations of " + file).isEmpty();
            Sale sale = mapped.sale();
            String currency = order.get("currency").asText();
            long totalPrice = Money.parseMajor(order.get("total_price").asText(), currency);

            assertThat(sale.total()).isEqualTo(totalPrice);
            assertThat(sale.statedTotal()).isEqualTo(totalPrice);
            assertThat(sale.tendered()).isEqualTo(totalPrice);
            assertThat(sale.tenders()).extracting(Tender::amount).containsExactly(totalPrice);
            assertThat(sale.lines()).hasSize(order.get("line_items").size());
            assertThat(SaleValidator.validate(sale)).isEmpty();
            OffsetDateTime createdAt = OffsetDateTime.parse(order.get("created_at").asText());
            assertThat(sale.occurredAt()).isEqualTo(createdAt);
            assertThat(sale.occurredAt().getOffset()).isEqualTo(createdAt.getOffset());

            // The id is the token's exact digits, not what a double would make of them.
            String token = idToken(file, containerField(sample));
            assertThat(sale.receiptNo()).isEqualTo(token);
            BigDecimal viaDouble = new BigDecimal(Double.parseDouble(token));
            assertThat(viaDouble.toBigInteger()).isNotEqualTo(new BigInteger(token));
        });
    }

    @TestFactory
    List<DynamicTest> shopifySampleLinesWithoutBarcodeAreEachRejectedWithAReason() {
        return SharedData.perSample("shopify_", file -> {
            JsonNode order = SharedData.body(SharedData.read(file));
            int lines = order.get("line_items").size();

            MappedSale mapped = ShopifyOrderMapper.map(JsonBody.parse(bytes(order)), "shop-1", Map.of());

            assertThat(mapped.ok()).isFalse();
            assertThat(mapped.malformed()).isEmpty();
            assertThat(mapped.unmappable()).hasSize(lines);
            for (int i = 0; i < lines; i++) {
                Violation violation = mapped.unmappable().get(i);
                assertThat(violation.path()).isEqualTo("line_items[" + i + "].barcode");
                assertThat(violation.message()).contains("no barcode");
            }
        });
    }

    @TestFactory
    List<DynamicTest> shopifySampleDeliveriesThroughTheRoute() {
        return SharedData.perSample("shopify_", file -> {
            JsonNode sample = SharedData.read(file);
            ObjectNode order = (ObjectNode) SharedData.body(sample).deepCopy();
            JsonNode headers = sample.path("headers");
            String domain = headers.path("x-shopify-shop-domain").asText("shop.myshopify.com");
            String eventId = headers.path("x-shopify-webhook-id").asText("sample-" + file.getFileName());
            String topic = headers.path("x-shopify-topic").asText(sample.path("name").asText());
            assertThat(topic).isEqualTo("orders/create");
            TestSupport.Settings config = new TestSupport.Settings()
                    .shop(domain, TestSupport.SHOP_STORE, TestSupport.SHOP_SECRET);
            catalogue(order).forEach((sku, gtin) -> config.gtin(domain, sku, gtin.value()));

            try (RouteHarness harness = new RouteHarness(config.build())) {
                // As delivered: a test order, cancelled and voided. Verified, then acknowledged only.
                byte[] delivered = bytes(order);
                Exchange ignored = harness.post(PlatformRoutes.SHOPIFY_INPUT, delivered, Map.of(
                        ShopifyWebhook.SHOP_HEADER, domain, ShopifyWebhook.TOPIC_HEADER, topic,
                        ShopifyWebhook.WEBHOOK_ID_HEADER, eventId,
                        ShopifyWebhook.HMAC_HEADER, TestSupport.hmacBase64(TestSupport.SHOP_SECRET,
                                delivered)));
                assertThat(status(ignored)).isEqualTo(202);
                assertThat(json(ignored).path("status").asText()).isEqualTo("ignored");
                assertThat(json(ignored).path("reason").asText()).contains("test order");
                assertThat(harness.publishedExchanges()).isEmpty();

                // The same order as a live, paid one is recorded with the stated total.
                order.put("test", false).putNull("cancelled_at").put("financial_status", "paid");
                byte[] live = bytes(order);
                Exchange accepted = harness.post(PlatformRoutes.SHOPIFY_INPUT, live, Map.of(
                        ShopifyWebhook.SHOP_HEADER, domain, ShopifyWebhook.TOPIC_HEADER, topic,
                        ShopifyWebhook.WEBHOOK_ID_HEADER, eventId,
                        ShopifyWebhook.HMAC_HEADER, TestSupport.hmacBase64(TestSupport.SHOP_SECRET, live)));
                assertThat(status(accepted)).as(json(accepted).toString()).isEqualTo(202);
                assertThat(json(accepted).path("status").asText()).isEqualTo("accepted");
                assertThat(harness.publishedExchanges()).hasSize(1);
                Exchange published = harness.publishedExchanges().get(0);
                assertThat(published.getMessage().getHeaders()).containsOnlyKeys(RouteHarness.DUPLICATE_ID);
                assertThat(published.getMessage().getHeader(RouteHarness.DUPLICATE_ID))
                        .isEqualTo("shopify:" + eventId);
                SaleRecorded event = RouteHarness.event(published);
                String currency = order.get("currency").asText();
                assertThat(event.sale().total())
                        .isEqualTo(Money.parseMajor(order.get("total_price").asText(), currency));
                assertThat(event.sale().receiptNo()).isEqualTo(idToken(file, containerField(sample)));
            }
        });
    }

    @TestFactory
    List<DynamicTest> everySquareSampleVerifiesAndIsAcknowledgedWithoutPublishing() {
        return SharedData.perSample("square_", file -> {
            JsonNode sample = SharedData.read(file);
            JsonNode event = SharedData.body(sample);
            String type = event.get("type").asText();
            JsonNode object = event.get("data").get("object");
            JsonNode located = object.has("payment") ? object.get("payment")
                    : object.has("order") ? object.get("order") : object.get("order_created");
            String location = located.get("location_id").asText();
            PlatformSettings settings = new TestSupport.Settings()
                    .square(TestSupport.SQUARE_URL, TestSupport.SQUARE_KEY)
                    .location(location, TestSupport.LOCATION_STORE).build();
            byte[] body = bytes(event);

            try (RouteHarness harness = new RouteHarness(settings)) {
                byte[] tampered = body.clone();
                tampered[body.length / 2] ^= 0x04;
                Exchange refused = harness.post(PlatformRoutes.SQUARE_INPUT, tampered,
                        Map.of(SquareWebhook.SIGNATURE_HEADER, TestSupport.squareSignature(body)));
                assertThat(status(refused)).isEqualTo(401);

                Exchange result = harness.square(body);

                assertThat(status(result)).as(json(result).toString()).isEqualTo(202);
                JsonNode answer = json(result);
                assertThat(answer.path("status").asText()).isEqualTo("ignored");
                assertThat(answer.path("eventId").asText()).isEqualTo("square:" + event.get("event_id")
                        .asText());
                assertThat(answer.path("type").asText()).isEqualTo(type);
                assertThat(answer.path("storeId").asText()).isEqualTo(TestSupport.LOCATION_STORE);
                assertThat(harness.publishedExchanges()).isEmpty();
                if (type.equals("payment.created")) {
                    JsonNode money = located.get("amount_money");
                    String expected = new Money(money.get("amount").longValue(),
                            money.get("currency").asText()).format();
                    assertThat(answer.path("amount").asText()).isEqualTo(expected);
                    assertThat(answer.path("reason").asText()).isEqualTo(SquareWebhook.PAYMENTS_PENDING);
                    assertThat(harness.counters.get("square.payment.created.ignored")).isEqualTo(1);
                } else {
                    assertThat(answer.path("reason").asText()).isEqualTo(SquareWebhook.NO_LINE_ITEMS);
                    assertThat(harness.counters.get("square.order.created.ignored")).isEqualTo(1);
                }
                assertThat(harness.counters.get("square.ignored")).isEqualTo(1);
            }
        });
    }

    @TestFactory
    List<DynamicTest> squarePaymentSampleAmountFollowsTheCurrencyExponent() {
        return SharedData.perSample("square_payment", file -> {
            ObjectNode event = (ObjectNode) SharedData.body(SharedData.read(file)).deepCopy();
            ObjectNode payment = (ObjectNode) event.get("data").get("object").get("payment");
            payment.putObject("amount_money").put("amount", 1500).put("currency", "JPY");
            Map<String, String> formatted = new HashMap<>();
            PlatformSettings settings = new TestSupport.Settings()
                    .square(TestSupport.SQUARE_URL, TestSupport.SQUARE_KEY)
                    .location(payment.get("location_id").asText(), TestSupport.LOCATION_STORE).build();
            try (RouteHarness harness = new RouteHarness(settings)) {
                Exchange result = harness.square(bytes(event));
                formatted.put("JPY", json(result).path("amount").asText());
                payment.putObject("amount_money").put("amount", 1500).put("currency", "KWD");
                formatted.put("KWD", json(harness.square(bytes(event))).path("amount").asText());
            }
            assertThat(formatted).containsEntry("JPY", "JPY 1500").containsEntry("KWD", "KWD 1.500");
        });
    }
}
