package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.RouteHarness.contentType;
import static org.storelink.pos.platform.internal.RouteHarness.json;
import static org.storelink.pos.platform.internal.RouteHarness.status;
import static org.storelink.pos.platform.internal.RouteHarness.utf8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;

class PlatformRoutesTest {
    private static final String EVENT = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";

    private RouteHarness harness;

    private RouteHarness start(PlatformSettings settings) throws Exception {
        harness = new RouteHarness(settings);
        return harness;
    }

    @AfterEach
    void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static byte[] shopifyOrder() {
        return utf8(ShopifyOrderMapperTest.orderJson());
    }

    private static Map<String, String> shopifyHeaders(byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put(ShopifyWebhook.SHOP_HEADER, TestSupport.SHOP);
        headers.put(ShopifyWebhook.TOPIC_HEADER, "orders/create");
        headers.put(ShopifyWebhook.EVENT_ID_HEADER, EVENT);
        headers.put(ShopifyWebhook.HMAC_HEADER, TestSupport.shopifySignature(body));
        return headers;
    }

    private static byte[] squareOrderEvent(String order) {
        return utf8("{\"merchant_id\":\"5S9MXCS9Y99KK\",\"type\":\"order.created\",\"event_id\":\"" + EVENT
                + "\",\"created_at\":\"2026-11-26T01:15:31Z\",\"data\":{\"type\":\"order\",\"id\":\"x\",\"object\":"
                + "{\"order\":" + order + "}}}");
    }

    private static byte[] squarePayment(long amount, String currency, String location) {
        return utf8("{\"merchant_id\":\"6SSW7HV8K2ST5\",\"type\":\"payment.created\",\"event_id\":\"" + EVENT
                + "\",\"data\":{\"type\":\"payment\",\"id\":\"p\",\"object\":{\"payment\":{\"id\":\"PAY-1\","
                + "\"location_id\":\"" + location + "\",\"amount_money\":{\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\"}}}}}");
    }

    private static PlatformSettings squareWithCatalog() {
        return TestSupport.settings()
                .squareGtin("VAR-ONIGIRI", SquareOrderMapperTest.ONIGIRI)
                .squareGtin("VAR-COFFEE", SquareOrderMapperTest.COFFEE)
                .build();
    }

    private static void assertProblem(Exchange result, int expected) {
        assertThat(status(result)).as(json(result).toString()).isEqualTo(expected);
        assertThat(contentType(result)).isEqualTo("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.path("status").asInt()).isEqualTo(expected);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static List<String> errorFields(Exchange result) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json(result).path("errors")) {
            assertThat(error.path("reason").asText()).as(error.toString()).isNotBlank();
            fields.add(error.path("field").asText());
        }
        return fields;
    }

    @Test
    void shopifyOrderIsPublishedWithOnlyTheDuplicateIdThenAnswered202() throws Exception {
        start(TestSupport.settings().build());

        Exchange result = harness.shopify(shopifyOrder(), EVENT);

        assertThat(status(result)).as(json(result).toString()).isEqualTo(202);
        assertThat(contentType(result)).isEqualTo("application/json");
        assertThat(json(result).path("status").asText()).isEqualTo("accepted");
        assertThat(json(result).path("saleId").asText()).isEqualTo("sh-campus-001/shopify/5234567890123456789");
        assertThat(json(result).path("eventId").asText()).isEqualTo("shopify:" + EVENT);

        assertThat(harness.publishedExchanges()).hasSize(1);
        Exchange published = harness.publishedExchanges().get(0);
        assertThat(published.getMessage().getHeaders()).containsOnlyKeys(RouteHarness.DUPLICATE_ID);
        assertThat(published.getMessage().getHeader(RouteHarness.DUPLICATE_ID)).isEqualTo("shopify:" + EVENT);
        SaleRecorded event = RouteHarness.event(published);
        assertThat(event.source()).isEqualTo("pos-platform.shopify");
        assertThat(event.recordedAt()).isEqualTo(TestSupport.NOW);
        assertThat(UUID.fromString(event.eventId())).isNotNull();
        assertThat(event.sale().total()).isEqualTo(756);
        assertThat(harness.counters.get("shopify.accepted")).isEqualTo(1);
    }

    @Test
    void thePublishedEventReadsBackThroughTheModelsOwnSaleReader() throws Exception {
        start(TestSupport.settings().build());

        harness.shopify(shopifyOrder(), EVENT);

        JsonNode event = Json.mapper().readTree(
                harness.publishedExchanges().get(0).getMessage().getBody(String.class));
        var reread = org.storelink.model.json.SaleReader.read(Json.write(event.get("sale")), "sh-campus-001");
        assertThat(reread.violations()).isEmpty();
        assertThat(reread.sale()).isEqualTo(RouteHarness.event(harness.publishedExchanges().get(0)).sale());
    }

    @Test
    void theWebhookIdIsTheDuplicateIdWhenThereIsNoEventId() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.remove(ShopifyWebhook.EVENT_ID_HEADER);
        headers.put(ShopifyWebhook.WEBHOOK_ID_HEADER, "8a95126f-859a-4db9-b8f1-350e299e9ea0");

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertThat(status(result)).isEqualTo(202);
        assertThat(harness.publishedExchanges().get(0).getMessage().getHeader(RouteHarness.DUPLICATE_ID))
                .isEqualTo("shopify:8a95126f-859a-4db9-b8f1-350e299e9ea0");
    }

    @Test
    void aRedeliveryCarriesTheSameDuplicateIdForTheBrokerToDrop() throws Exception {
        start(TestSupport.settings().build());

        harness.shopify(shopifyOrder(), EVENT);
        harness.shopify(shopifyOrder(), EVENT);

        assertThat(harness.publishedExchanges()).hasSize(2);
        assertThat(harness.publishedExchanges()).extracting(e -> e.getMessage().getHeader(RouteHarness.DUPLICATE_ID))
                .containsOnly("shopify:" + EVENT);
        assertThat(harness.publishedExchanges()).extracting(e -> RouteHarness.event(e).sale().saleId())
                .containsOnly("sh-campus-001/shopify/5234567890123456789");
    }

    @Test
    void missingEventAndWebhookIdIs400() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.remove(ShopifyWebhook.EVENT_ID_HEADER);

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertProblem(result, 400);
        assertThat(json(result).path("detail").asText()).contains("X-Shopify-Event-Id");
        assertThat(harness.publishedExchanges()).isEmpty();
    }

    @Test
    void badShopifySignatureIs401AndNothingIsPublished() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.put(ShopifyWebhook.HMAC_HEADER, TestSupport.hmacBase64("not-the-shop-secret-000", body));

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertProblem(result, 401);
        assertThat(json(result).path("detail").asText())
                .isEqualTo(Base64HmacSignature.Check.MISMATCH.reason(ShopifyWebhook.HMAC_HEADER));
        assertThat(harness.publishedExchanges()).isEmpty();
        assertThat(harness.counters.get("shopify.refused.401")).isEqualTo(1);
    }

    @Test
    void tamperedShopifyBodyIs401() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        byte[] tampered = utf8(new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("7.56", "0.01"));

        assertProblem(harness.post(PlatformRoutes.SHOPIFY_INPUT, tampered, headers), 401);
        assertThat(harness.publishedExchanges()).isEmpty();
    }

    @Test
    void missingShopifySignatureIs401SayingSo() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.remove(ShopifyWebhook.HMAC_HEADER);

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertProblem(result, 401);
        assertThat(json(result).path("detail").asText()).contains("missing");
    }

    @Test
    void unknownShopIs404() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.put(ShopifyWebhook.SHOP_HEADER, "someone-else.myshopify.com");

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertProblem(result, 404);
        assertThat(json(result).path("detail").asText()).contains("someone-else.myshopify.com");
        assertThat(harness.publishedExchanges()).isEmpty();
    }

    @Test
    void aShopMappedToAnUnregisteredStoreIs404() throws Exception {
        harness = new RouteHarness(TestSupport.settings().build(), new TestSupport.KnownStores("other"),
                RouteHarness.PUBLISHED);

        Exchange result = harness.shopify(shopifyOrder(), EVENT);

        assertProblem(result, 404);
        assertThat(json(result).path("detail").asText()).contains("sh-campus-001").contains("not registered");
    }

    @Test
    void malformedJsonIs400NamingTheField() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = utf8("{\"id\": 1, \"line_items\": [");

        Exchange result = harness.shopify(body, EVENT);

        assertProblem(result, 400);
        assertThat(errorFields(result)).containsExactly("$");
    }

    @Test
    void wronglyTypedFieldsAre400NamingEachField() throws Exception {
        start(TestSupport.settings().build());
        ObjectNode order = ShopifyOrderMapperTest.order();
        order.put("total_price", 7.56);
        ((ObjectNode) order.get("line_items").get(1)).put("quantity", "one");

        Exchange result = harness.shopify(Json.write(order), EVENT);

        assertProblem(result, 400);
        assertThat(errorFields(result)).containsExactlyInAnyOrder("total_price", "line_items[1].quantity");
        assertThat(harness.publishedExchanges()).isEmpty();
    }

    @Test
    void unmappableOrderIs422ListingEveryViolation() throws Exception {
        start(TestSupport.settings().build());
        ObjectNode order = ShopifyOrderMapperTest.order();
        ((ObjectNode) order.get("line_items").get(0)).remove("barcode");
        ((ObjectNode) order.get("line_items").get(1)).put("sku", "BUN-1");

        Exchange result = harness.shopify(Json.write(order), EVENT);

        assertProblem(result, 422);
        assertThat(errorFields(result)).containsExactly("line_items[0].barcode", "line_items[1].barcode");
        assertThat(harness.publishedExchanges()).isEmpty();
        assertThat(harness.counters.get("shopify.refused.422")).isEqualTo(1);
    }

    @Test
    void anotherTopicIsVerifiedThenAcknowledgedAndIgnored() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.put(ShopifyWebhook.TOPIC_HEADER, "orders/updated");

        Exchange result = harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers);

        assertThat(status(result)).isEqualTo(202);
        assertThat(json(result).path("status").asText()).isEqualTo("ignored");
        assertThat(json(result).path("reason").asText()).contains("orders/updated");
        assertThat(harness.publishedExchanges()).isEmpty();
        assertThat(harness.counters.get("shopify.ignored")).isEqualTo(1);
    }

    @Test
    void anotherTopicWithABadSignatureIsStill401() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = shopifyOrder();
        Map<String, String> headers = shopifyHeaders(body);
        headers.put(ShopifyWebhook.TOPIC_HEADER, "orders/updated");
        headers.put(ShopifyWebhook.HMAC_HEADER, TestSupport.hmacBase64("not-the-shop-secret-000", body));

        assertProblem(harness.post(PlatformRoutes.SHOPIFY_INPUT, body, headers), 401);
    }

    @Test
    void aTestOrderIsAcknowledgedButNotRecordedUnlessConfigured() throws Exception {
        ObjectNode order = ShopifyOrderMapperTest.order();
        order.put("test", true);
        start(TestSupport.settings().build());

        Exchange ignored = harness.shopify(Json.write(order), EVENT);

        assertThat(status(ignored)).isEqualTo(202);
        assertThat(json(ignored).path("status").asText()).isEqualTo("ignored");
        assertThat(harness.publishedExchanges()).isEmpty();
        harness.close();

        start(TestSupport.settings().acceptTestOrders(true).build());
        Exchange accepted = harness.shopify(Json.write(order), EVENT);
        assertThat(json(accepted).path("status").asText()).isEqualTo("accepted");
        assertThat(harness.publishedExchanges()).hasSize(1);
    }

    @Test
    void failureToPublishIs503AndNotAccepted() throws Exception {
        harness = new RouteHarness(TestSupport.settings().build(), TestSupport.KnownStores.standard(),
                "direct:failing", new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from("direct:failing").routeId("failing-broker")
                                .throwException(new IllegalStateException("broker unavailable"));
                    }
                });

        Exchange shopify = harness.shopify(shopifyOrder(), EVENT);
        byte[] squareBody = squareOrderEvent(SquareOrderMapperTest.orderJson());
        harness.close();
        harness = new RouteHarness(squareWithCatalog(), TestSupport.KnownStores.standard(), "direct:failing",
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from("direct:failing").throwException(new IllegalStateException("broker unavailable"));
                    }
                });
        Exchange square = harness.square(squareBody);

        for (Exchange result : List.of(shopify, square)) {
            assertThat(result.getException()).isNull();
            assertProblem(result, 503);
            assertThat(json(result).has("saleId")).isFalse();
        }
    }

    @Test
    void squareOrderWithLinesAndTendersIsPublished() throws Exception {
        start(squareWithCatalog());

        Exchange result = harness.square(squareOrderEvent(SquareOrderMapperTest.orderJson()));

        assertThat(status(result)).as(json(result).toString()).isEqualTo(202);
        assertThat(json(result).path("status").asText()).isEqualTo("accepted");
        assertThat(json(result).path("saleId").asText()).isEqualTo("tokyo-001/square/eA3vssLHKJrv9H0IdJCM3gNqfdcZY");
        Exchange published = harness.publishedExchanges().get(0);
        assertThat(published.getMessage().getHeaders()).containsOnlyKeys(RouteHarness.DUPLICATE_ID);
        assertThat(published.getMessage().getHeader(RouteHarness.DUPLICATE_ID)).isEqualTo("square:" + EVENT);
        SaleRecorded event = RouteHarness.event(published);
        assertThat(event.source()).isEqualTo("pos-platform.square");
        assertThat(event.sale().totalMoney().format()).isEqualTo("JPY 680");
    }

    @Test
    void squareOrderSummaryWithoutLinesIsAcknowledgedAndNothingPublished() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = utf8("{\"merchant_id\":\"M\",\"type\":\"order.created\",\"event_id\":\"" + EVENT + "\","
                + "\"data\":{\"type\":\"order_created\",\"id\":\"O\",\"object\":{\"order_created\":{"
                + "\"order_id\":\"O\",\"location_id\":\"" + TestSupport.LOCATION + "\",\"state\":\"OPEN\"}}}}");

        Exchange result = harness.square(body);

        assertThat(status(result)).isEqualTo(202);
        assertThat(json(result).path("reason").asText()).isEqualTo(SquareWebhook.NO_LINE_ITEMS);
        assertThat(harness.publishedExchanges()).isEmpty();
        assertThat(harness.counters.get("square.order.created.ignored")).isEqualTo(1);
    }

    @Test
    void squareOrderWithoutTendersIsNotASaleYet() throws Exception {
        start(squareWithCatalog());
        ObjectNode order = SquareOrderMapperTest.order();
        order.remove("tenders");
        order.put("state", "OPEN");

        Exchange result = harness.square(squareOrderEvent(order.toString()));

        assertThat(status(result)).isEqualTo(202);
        assertThat(json(result).path("reason").asText()).contains("no tenders").contains("OPEN");
        assertThat(harness.publishedExchanges()).isEmpty();
    }

    @Test
    void unmappableSquareOrderIs422() throws Exception {
        start(TestSupport.settings().build());

        Exchange result = harness.square(squareOrderEvent(SquareOrderMapperTest.orderJson()));

        assertProblem(result, 422);
        assertThat(errorFields(result)).containsExactly("data.object.order.line_items[0].catalog_object_id",
                "data.object.order.line_items[1].catalog_object_id");
    }

    @Test
    void squarePaymentIsVerifiedCountedAndAcknowledgedInItsCurrencysUnits() throws Exception {
        start(TestSupport.settings().build());

        Exchange yen = harness.square(squarePayment(1500, "JPY", TestSupport.LOCATION));
        Exchange dollars = harness.square(squarePayment(1500, "USD", TestSupport.LOCATION));

        assertThat(status(yen)).isEqualTo(202);
        assertThat(json(yen).path("amount").asText()).isEqualTo("JPY 1500");
        assertThat(json(dollars).path("amount").asText()).isEqualTo("USD 15.00");
        assertThat(json(yen).path("reason").asText()).isEqualTo(SquareWebhook.PAYMENTS_PENDING);
        assertThat(json(yen).path("paymentId").asText()).isEqualTo("PAY-1");
        assertThat(harness.publishedExchanges()).isEmpty();
        assertThat(harness.counters.get("square.payment.created.ignored")).isEqualTo(2);
    }

    @Test
    void squareSignatureOverTheBodyAloneOrAnotherUrlIs401() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = squarePayment(100, "USD", TestSupport.LOCATION);

        Exchange bodyOnly = harness.post(PlatformRoutes.SQUARE_INPUT, body,
                Map.of(SquareWebhook.SIGNATURE_HEADER, TestSupport.hmacBase64(TestSupport.SQUARE_KEY, body)));
        Exchange otherUrl = harness.post(PlatformRoutes.SQUARE_INPUT, body, Map.of(SquareWebhook.SIGNATURE_HEADER,
                TestSupport.hmacBase64(TestSupport.SQUARE_KEY, utf8("https://elsewhere.example.com/hook"), body)));
        Exchange missing = harness.post(PlatformRoutes.SQUARE_INPUT, body, Map.of());

        assertProblem(bodyOnly, 401);
        assertProblem(otherUrl, 401);
        assertProblem(missing, 401);
        assertThat(json(missing).path("detail").asText()).contains(SquareWebhook.SIGNATURE_HEADER);
    }

    @Test
    void unknownSquareLocationIs404() throws Exception {
        start(TestSupport.settings().build());

        Exchange result = harness.square(squarePayment(100, "USD", "NOWHERE"));

        assertProblem(result, 404);
        assertThat(json(result).path("detail").asText()).contains("NOWHERE");
    }

    @Test
    void squareWithoutConfigurationIs404() throws Exception {
        start(new TestSupport.Settings().shop(TestSupport.SHOP, TestSupport.SHOP_STORE, TestSupport.SHOP_SECRET)
                .build());

        assertProblem(harness.square(squarePayment(100, "USD", TestSupport.LOCATION)), 404);
    }

    @Test
    void squareEventWithoutItsIdsIs400NamingThem() throws Exception {
        start(TestSupport.settings().build());

        Exchange result = harness.square(utf8("{\"type\":42,\"data\":{}}"));

        assertProblem(result, 400);
        assertThat(errorFields(result)).containsExactlyInAnyOrder("event_id", "type", "data.object");
    }

    @Test
    void otherSquareEventTypesAreAcknowledged() throws Exception {
        start(TestSupport.settings().build());
        byte[] body = utf8("{\"type\":\"refund.created\",\"event_id\":\"" + EVENT + "\",\"data\":{\"object\":{}}}");

        Exchange result = harness.square(body);

        assertThat(status(result)).isEqualTo(202);
        assertThat(json(result).path("reason").asText()).contains("refund.created");
        assertThat(harness.counters.get("square.ignored")).isEqualTo(1);
    }
}
