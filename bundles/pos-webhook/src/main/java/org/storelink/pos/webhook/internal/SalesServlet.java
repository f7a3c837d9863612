package org.storelink.pos.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;

/**
 * {@code POST /storelink/api/v1/stores/{storeId}/sales}. Karaf's HTTP service is javax.servlet (Pax Web 8) while
 * Camel 4's servlet component is jakarta.servlet, so this servlet does the HTTP part only and hands the raw body
 * and the headers to the Camel route, then writes the route's status and body back.
 */
final class SalesServlet extends HttpServlet {
    static final String PATTERN = "/storelink/api/v1/stores/*";
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final long serialVersionUID = 1L;
    private static final Pattern SALES_PATH = Pattern.compile("^/([^/]+)/sales/?$");

    private final transient ProducerTemplate producer;

    SalesServlet(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = SALES_PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            problem(response, 404, "Not found", "Sales are posted to /storelink/api/v1/stores/{storeId}/sales");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problem(response, 413, "Too large", "A sale may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Exchange result = producer.send(IngestRoutes.INPUT, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(IngestRoutes.STORE_HEADER, path.group(1));
            exchange.getMessage().setHeader(IngestRoutes.SIGNATURE_HEADER,
                    request.getHeader(WebhookSignature.HEADER));
        });
        Integer status = result.getMessage().getHeader(IngestRoutes.STATUS_HEADER, Integer.class);
        if (result.getException() != null || status == null) {
            problem(response, 500, "Internal error", "The sale was not recorded; retry later");
            return;
        }
        response.setStatus(status);
        response.setContentType(result.getMessage().getHeader(IngestRoutes.CONTENT_TYPE, String.class));
        response.getOutputStream().write(result.getMessage().getBody(byte[].class));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        problem(response, 405, "Method not allowed", "Sales are posted with POST");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, List.of())));
    }
}
