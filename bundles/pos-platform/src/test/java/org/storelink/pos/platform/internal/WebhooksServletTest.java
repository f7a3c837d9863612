package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.json.Json;

/** The servlet's own part: paths, methods, size limit, and which headers reach the routes. */
class WebhooksServletTest {
    private CamelContext camel;
    private ProducerTemplate producer;
    private final Map<String, Map<String, Object>> received = new HashMap<>();

    /** Stand-ins for the platform routes that echo what they were given. */
    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String input : new String[] {PlatformRoutes.SHOPIFY_INPUT, PlatformRoutes.SQUARE_INPUT}) {
                    from(input).process(exchange -> {
                        received.put(input, new HashMap<>(exchange.getMessage().getHeaders()));
                        received.get(input).put("body", exchange.getMessage().getBody(byte[].class));
                        exchange.getMessage().setHeader(PlatformRoutes.STATUS_HEADER, 202);
                        exchange.getMessage().setHeader(PlatformRoutes.CONTENT_TYPE, "application/json");
                        exchange.getMessage().setBody("{\"status\":\"accepted\"}".getBytes());
                    });
                }
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        camel.close();
    }

    /** A captured response. */
    private static final class Response {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        JsonNode json() throws Exception {
            return Json.mapper().readTree(body.toByteArray());
        }
    }

    private static HttpServletRequest request(String pathInfo, byte[] body, Map<String, String> headers) {
        Map<String, String> byLowerName = new HashMap<>();
        headers.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), value));
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(WebhooksServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> byLowerName.get(((String) args[0]).toLowerCase(Locale.ROOT));
                    case "getInputStream" -> stream;
                    case "getMethod" -> "POST";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(Response captured) {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                captured.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(WebhooksServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> captured.status = (Integer) args[0];
                        case "setContentType" -> captured.contentType = (String) args[0];
                        case "setHeader" -> captured.headers.put((String) args[0], (String) args[1]);
                        case "getOutputStream" -> {
                            return stream;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private Response post(String pathInfo, byte[] body, Map<String, String> headers) throws Exception {
        Response captured = new Response();
        new WebhooksServlet(producer).doPost(request(pathInfo, body, headers), response(captured));
        return captured;
    }

    @Test
    void shopifyPostsReachTheShopifyRouteWithTheRawBodyAndOnlyShopifyHeaders() throws Exception {
        byte[] body = "{\"id\":1}".getBytes();

        Response response = post("/shopify", body, Map.of("x-shopify-hmac-sha256", "abc=",
                "X-Shopify-Shop-Domain", "corner-shop.myshopify.com", "x-shopify-topic", "orders/create",
                "X-Shopify-Webhook-Id", "w-1", "Authorization", "Basic secret"));

        assertThat(response.status).isEqualTo(202);
        assertThat(response.contentType).isEqualTo("application/json");
        Map<String, Object> got = received.get(PlatformRoutes.SHOPIFY_INPUT);
        assertThat((byte[]) got.get("body")).isEqualTo(body);
        assertThat(got).containsEntry(ShopifyWebhook.HMAC_HEADER, "abc=")
                .containsEntry(ShopifyWebhook.SHOP_HEADER, "corner-shop.myshopify.com")
                .containsEntry(ShopifyWebhook.TOPIC_HEADER, "orders/create")
                .containsEntry(ShopifyWebhook.WEBHOOK_ID_HEADER, "w-1")
                .doesNotContainKey("Authorization");
        assertThat(received).doesNotContainKey(PlatformRoutes.SQUARE_INPUT);
    }

    @Test
    void squarePostsReachTheSquareRoute() throws Exception {
        Response response = post("/square/", "{}".getBytes(),
                Map.of("X-Square-HmacSha256-Signature", "sig="));

        assertThat(response.status).isEqualTo(202);
        assertThat(received.get(PlatformRoutes.SQUARE_INPUT)).containsEntry(SquareWebhook.SIGNATURE_HEADER, "sig=");
    }

    @Test
    void anyOtherPathIs404Problem() throws Exception {
        for (String path : new String[] {"/", "/woocommerce", "/shopify/extra", ""}) {
            Response response = post(path, "{}".getBytes(), Map.of());

            assertThat(response.status).as(path).isEqualTo(404);
            assertThat(response.contentType).isEqualTo("application/problem+json");
            assertThat(response.json().path("detail").asText()).contains("/storelink/api/v1/webhooks/shopify");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesARoute() throws Exception {
        Response response = post("/shopify", new byte[WebhooksServlet.MAX_BODY_BYTES + 1], Map.of());

        assertThat(response.status).isEqualTo(413);
        assertThat(response.json().path("status").asInt()).isEqualTo(413);
        assertThat(received).isEmpty();
    }

    @Test
    void aBodyAtTheLimitIsHandedOn() throws Exception {
        Response response = post("/shopify", new byte[WebhooksServlet.MAX_BODY_BYTES], Map.of());

        assertThat(response.status).isEqualTo(202);
        assertThat((byte[]) received.get(PlatformRoutes.SHOPIFY_INPUT).get("body"))
                .hasSize(WebhooksServlet.MAX_BODY_BYTES);
    }

    @Test
    void getIs405AllowingPost() throws Exception {
        Response captured = new Response();

        new WebhooksServlet(producer).doGet(request("/shopify", new byte[0], Map.of()), response(captured));

        assertThat(captured.status).isEqualTo(405);
        assertThat(captured.headers).containsEntry("Allow", "POST");
    }
}
