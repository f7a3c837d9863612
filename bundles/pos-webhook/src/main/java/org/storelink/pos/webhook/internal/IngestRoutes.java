package org.storelink.pos.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.model.json.SaleReader;
import org.storelink.stores.StoreRegistry;
import org.storelink.model.json.ProblemException;

/**
 * A posted sale: known store (404), valid signature (401), valid sale (400 naming every bad field), then published
 * to {@code storelink.sales.recorded} with the sale id as the broker's duplicate id. The answer is 202 only after
 * the broker has accepted the persistent message; if publishing fails the sender gets 503 and retries.
 */
public final class IngestRoutes extends RouteBuilder {
    public static final String INPUT = "direct:pos-webhook.ingest";
    public static final String ROUTE_ID = "pos-webhook.ingest";
    public static final String SOURCE = "pos-webhook";
    static final String STORE_HEADER = "storelinkStoreId";
    static final String SIGNATURE_HEADER = "storelinkSignature";
    static final String STATUS_HEADER = Exchange.HTTP_RESPONSE_CODE;
    static final String CONTENT_TYPE = Exchange.CONTENT_TYPE;

    private final StoreRegistry stores;
    private final String publishUri;
    private final Clock clock;

    /** @param publishUri where accepted sales go, {@code jms:topic:storelink.sales.recorded} in the platform */
    public IngestRoutes(StoreRegistry stores, String publishUri, Clock clock) {
        this.stores = stores;
        this.publishUri = publishUri;
        this.clock = clock;
    }

    public static String publishUri() {
        return "jms:topic:" + Addresses.SALES_RECORDED + "?deliveryPersistent=true";
    }

    @Override
    public void configure() {
        onException(ProblemException.class)
                .handled(true)
                .process(IngestRoutes::answerProblem);

        onException(Exception.class)
                .handled(true)
                .process(exchange -> {
                    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    log.error("Could not publish sale {}: {}", exchange.getMessage().getHeader(
                            Addresses.DUPLICATE_ID_PROPERTY), cause == null ? "?" : cause.getMessage());
                    answer(exchange, 503, ProblemJson.of(503, "Not recorded",
                            "The sale could not be published durably; nothing was recorded. Retry later.",
                            List.of()));
                });

        from(INPUT).routeId(ROUTE_ID)
                .process(this::authenticateAndRead)
                .to(publishUri)
                .process(exchange -> {
                    String saleId = exchange.getMessage().getHeader(Addresses.DUPLICATE_ID_PROPERTY, String.class);
                    var body = Json.mapper().createObjectNode().put("saleId", saleId).put("status", "accepted");
                    answer(exchange, 202, body);
                });
    }

    private void authenticateAndRead(Exchange exchange) throws ProblemException {
        String storeId = exchange.getMessage().getHeader(STORE_HEADER, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        byte[] secret = stores.secret(storeId).orElseThrow(() -> new ProblemException(404, "Unknown store",
                "No store with id \"" + storeId + "\" is registered", List.of()));
        WebhookSignature.Check check = WebhookSignature.check(secret, body,
                exchange.getMessage().getHeader(SIGNATURE_HEADER, String.class));
        if (check != WebhookSignature.Check.VALID) {
            throw new ProblemException(401, "Signature refused", check.reason(), List.of());
        }
        SaleReader.Result read = SaleReader.read(body, storeId);
        if (!read.ok()) {
            throw new ProblemException(400, "Invalid sale",
                    read.violations().size() + " problem(s) in the sale; see errors", read.violations());
        }
        SaleRecorded event = new SaleRecorded(UUID.randomUUID().toString(), Instant.now(clock), SOURCE, read.sale());
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Addresses.DUPLICATE_ID_PROPERTY, read.sale().saleId());
        message.setBody(new String(Json.write(event), StandardCharsets.UTF_8));
    }

    private static void answerProblem(Exchange exchange) {
        ProblemException problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ProblemException.class);
        answer(exchange, problem.status(),
                ProblemJson.of(problem.status(), problem.title(), problem.getMessage(), problem.violations()));
    }

    private static void answer(Exchange exchange, int status, com.fasterxml.jackson.databind.JsonNode body) {
        var message = exchange.getMessage();
        message.setHeader(STATUS_HEADER, status);
        message.setHeader(CONTENT_TYPE, status >= 400 ? ProblemJson.MEDIA_TYPE : "application/json");
        message.setBody(Json.write(body));
    }
}
