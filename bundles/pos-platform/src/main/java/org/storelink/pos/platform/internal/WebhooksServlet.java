package org.storelink.pos.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;

/**
 * {@code POST /storelink/api/v1/webhooks/shopify} and {@code .../square}. Karaf's HTTP service is javax.servlet
 * (Pax Web 8) while Camel 4's servlet component is jakarta.servlet, so this servlet does the HTTP part only: it
 * hands the raw body and the platform's headers to the platform's route and writes the route's answer back.
 */
final class WebhooksServlet extends HttpServlet {
    static final String PATTERN = "/storelink/api/v1/webhooks/*";
    /** Large orders of a few hundred lines stay far below this. */
    static final int MAX_BODY_BYTES = 4 << 20;
    private static final long serialVersionUID = 1L;

    private record Endpoint(String input, List<String> headers) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = Map.of(
            "/shopify", new Endpoint(PlatformRoutes.SHOPIFY_INPUT, ShopifyWebhook.HEADERS),
            "/square", new Endpoint(PlatformRoutes.SQUARE_INPUT, SquareWebhook.HEADERS));

    private final transient ProducerTemplate producer;

    WebhooksServlet(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Endpoint endpoint = ENDPOINTS.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (endpoint == null) {
            problem(response, 404, "Not found",
                    "Webhooks are posted to /storelink/api/v1/webhooks/shopify or /storelink/api/v1/webhooks/square");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problem(response, 413, "Too large", "A webhook body may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Exchange result = producer.send(endpoint.input(), exchange -> {
            exchange.getMessage().setBody(body);
            for (String name : endpoint.headers()) {
                String value = request.getHeader(name);
                if (value != null) {
                    exchange.getMessage().setHeader(name, value);
                }
            }
        });
        Integer status = result.getMessage().getHeader(PlatformRoutes.STATUS_HEADER, Integer.class);
        if (result.getException() != null || status == null) {
            problem(response, 500, "Internal error", "The webhook was not recorded; retry later");
            return;
        }
        response.setStatus(status);
        response.setContentType(result.getMessage().getHeader(PlatformRoutes.CONTENT_TYPE, String.class));
        response.getOutputStream().write(result.getMessage().getBody(byte[].class));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        problem(response, 405, "Method not allowed", "Webhooks are posted with POST");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, List.of())));
    }
}
