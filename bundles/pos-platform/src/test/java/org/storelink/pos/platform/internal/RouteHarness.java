package org.storelink.pos.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;

/** The platform routes in a plain Camel context, publishing to a mock endpoint (or a failing one). */
final class RouteHarness implements AutoCloseable {
    static final String PUBLISHED = "mock:published";
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    final PlatformCounters counters = new PlatformCounters();
    private final CamelContext camel;
    private final ProducerTemplate producer;

    RouteHarness(PlatformSettings settings) throws Exception {
        this(settings, TestSupport.KnownStores.standard(), PUBLISHED);
    }

    RouteHarness(PlatformSettings settings, StoreRegistry stores, String publishUri, RouteBuilder... more)
            throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new PlatformRoutes(new ShopifyWebhook(settings, stores, TestSupport.CLOCK),
                new SquareWebhook(settings, stores, TestSupport.CLOCK, counters), publishUri, counters));
        for (RouteBuilder builder : more) {
            camel.addRoutes(builder);
        }
        camel.start();
        producer = camel.createProducerTemplate();
    }

    Exchange post(String input, byte[] body, Map<String, String> headers) {
        return producer.send(input, exchange -> {
            exchange.getMessage().setBody(body);
            headers.forEach((name, value) -> exchange.getMessage().setHeader(name, value));
        });
    }

    /** A Shopify orders/create delivery to the test shop, signed with its secret. */
    Exchange shopify(byte[] body, String eventId) {
        return post(PlatformRoutes.SHOPIFY_INPUT, body, Map.of(
                ShopifyWebhook.SHOP_HEADER, TestSupport.SHOP,
                ShopifyWebhook.TOPIC_HEADER, "orders/create",
                ShopifyWebhook.EVENT_ID_HEADER, eventId,
                ShopifyWebhook.HMAC_HEADER, TestSupport.shopifySignature(body)));
    }

    /** A Square event signed for the test notification URL. */
    Exchange square(byte[] body) {
        return post(PlatformRoutes.SQUARE_INPUT, body,
                Map.of(SquareWebhook.SIGNATURE_HEADER, TestSupport.squareSignature(body)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static int status(Exchange result) {
        return result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    static String contentType(Exchange result) {
        return result.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
    }

    static JsonNode json(Exchange result) {
        try {
            return Json.mapper().readTree(result.getMessage().getBody(byte[].class));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    MockEndpoint published() {
        return camel.getEndpoint(PUBLISHED, MockEndpoint.class);
    }

    List<Exchange> publishedExchanges() {
        return published().getReceivedExchanges();
    }

    static SaleRecorded event(Exchange published) {
        return Json.read(published.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                SaleRecorded.class);
    }

    @Override
    public void close() throws Exception {
        producer.close();
        camel.close();
    }
}
