package org.storelink.pos.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;
import org.storelink.stores.StoreRegistry;

class IngestRoutesTest {
    private static final String STORE = "sh-001";
    private static final byte[] SECRET = "sh-001-webhook-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T01:16:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PUBLISHED = "mock:published";
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private static final String VALID_SALE = "{\"posId\":\"till-1\",\"receiptNo\":\"000123\","
            + "\"occurredAt\":\"2026-11-26T09:15:30+08:00\",\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\","
            + "\"name\":\"Green tea 500ml\",\"quantity\":2,\"unitPrice\":350,\"discount\":0,\"promotionCode\":null}],"
            + "\"tenders\":[{\"type\":\"alipay\",\"amount\":700,\"reference\":\"2026112622001\"}],\"customerRef\":null}";

    /** Three distinct bad fields: an unparsable time, a GTIN with a wrong check digit, a fractional price. */
    private static final String INVALID_SALE = "{\"posId\":\"till-1\",\"receiptNo\":\"000123\","
            + "\"occurredAt\":\"yesterday\",\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567891\","
            + "\"name\":\"Green tea 500ml\",\"quantity\":2,\"unitPrice\":3.5,\"discount\":0,\"promotionCode\":null}],"
            + "\"tenders\":[{\"type\":\"alipay\",\"amount\":700,\"reference\":\"2026112622001\"}],\"customerRef\":null}";

    private CamelContext camel;
    private ProducerTemplate producer;

    /** Knows one store and its secret. */
    private static final class OneStore implements StoreRegistry {
        private final Store store = new Store(STORE, "Shanghai 1", "east", null, ZoneId.of("Asia/Shanghai"), null);

        @Override
        public Optional<Store> store(String id) {
            return STORE.equals(id) ? Optional.of(store) : Optional.empty();
        }

        @Override
        public List<Store> stores() {
            return List.of(store);
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return STORE.equals(storeId) ? Optional.of(SECRET.clone()) : Optional.empty();
        }
    }

    private void start(String publishUri, RouteBuilder... more) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new IngestRoutes(new OneStore(), publishUri, CLOCK));
        for (RouteBuilder builder : more) {
            camel.addRoutes(builder);
        }
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (camel != null) {
            camel.close();
        }
    }

    private static String signature(byte[] secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private Exchange post(String storeId, byte[] body, String signature) {
        return producer.send(IngestRoutes.INPUT, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(IngestRoutes.STORE_HEADER, storeId);
            exchange.getMessage().setHeader(IngestRoutes.SIGNATURE_HEADER, signature);
        });
    }

    private Exchange postSigned(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(STORE, bytes, signature(SECRET, bytes));
    }

    private static int status(Exchange result) {
        return result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static JsonNode json(Exchange result) throws Exception {
        return Json.mapper().readTree(result.getMessage().getBody(byte[].class));
    }

    private MockEndpoint published() {
        return camel.getEndpoint(PUBLISHED, MockEndpoint.class);
    }

    @Test
    void validSignedSaleIsAcceptedWith202AndTheSaleId() throws Exception {
        start(PUBLISHED);

        Exchange result = postSigned(VALID_SALE);

        assertThat(result.getException()).isNull();
        assertThat(status(result)).isEqualTo(202);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode answer = json(result);
        assertThat(answer.path("saleId").asText()).isEqualTo("sh-001/till-1/000123");
        assertThat(answer.path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void validSignedSaleIsPublishedOnceAsSaleRecordedWithOnlyTheDuplicateIdHeader() throws Exception {
        start(PUBLISHED);

        postSigned(VALID_SALE);

        List<Exchange> received = published().getReceivedExchanges();
        assertThat(received).hasSize(1);
        var message = received.get(0).getMessage();
        assertThat(message.getHeaders()).containsOnlyKeys(DUPLICATE_ID);
        assertThat(message.getHeader(DUPLICATE_ID)).isEqualTo("sh-001/till-1/000123");
        assertThat(message.getHeader(IngestRoutes.SIGNATURE_HEADER)).isNull();
        assertThat(message.getHeader(IngestRoutes.STORE_HEADER)).isNull();

        SaleRecorded event = Json.read(message.getBody(String.class).getBytes(StandardCharsets.UTF_8),
                SaleRecorded.class);
        assertThat(event.source()).isEqualTo("pos-webhook");
        assertThat(event.recordedAt()).isEqualTo(NOW);
        assertThat(UUID.fromString(event.eventId())).isNotNull();
        assertThat(event.sale().saleId()).isEqualTo("sh-001/till-1/000123");
        assertThat(event.sale()).isEqualTo(
                SaleReader.read(VALID_SALE.getBytes(StandardCharsets.UTF_8), STORE).sale());
    }

    @Test
    void badSignatureIs401ProblemAndNothingIsPublished() throws Exception {
        start(PUBLISHED);
        byte[] body = VALID_SALE.getBytes(StandardCharsets.UTF_8);

        Exchange result = post(STORE, body, signature("not-the-store-secret".getBytes(StandardCharsets.UTF_8), body));

        assertThat(status(result)).isEqualTo(401);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asText()).isEqualTo(WebhookSignature.Check.MISMATCH.reason());
        assertThat(published().getReceivedCounter()).isZero();
    }

    @Test
    void missingSignatureIs401ProblemSayingItIsMissing() throws Exception {
        start(PUBLISHED);

        Exchange result = post(STORE, VALID_SALE.getBytes(StandardCharsets.UTF_8), null);

        assertThat(status(result)).isEqualTo(401);
        assertThat(json(result).path("detail").asText()).isEqualTo(WebhookSignature.Check.MISSING.reason());
        assertThat(published().getReceivedCounter()).isZero();
    }

    @Test
    void unknownStoreIs404ProblemAndNothingIsPublished() throws Exception {
        start(PUBLISHED);
        byte[] body = VALID_SALE.getBytes(StandardCharsets.UTF_8);

        Exchange result = post("sh-999", body, signature(SECRET, body));

        assertThat(status(result)).isEqualTo(404);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("sh-999");
        assertThat(published().getReceivedCounter()).isZero();
    }

    @Test
    void invalidSaleIs400ProblemNamingEveryBadFieldAndNothingIsPublished() throws Exception {
        start(PUBLISHED);

        Exchange result = postSigned(INVALID_SALE);

        assertThat(status(result)).isEqualTo(400);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            fields.add(error.path("field").asText());
            assertThat(error.path("reason").asText()).as(error.toString()).isNotBlank();
        }
        assertThat(fields).containsExactlyInAnyOrder("occurredAt", "lines[0].gtin", "lines[0].unitPrice");
        assertThat(published().getReceivedCounter()).isZero();
    }

    @Test
    void failureToPublishIs503Problem() throws Exception {
        start("direct:failing", new RouteBuilder() {
            @Override
            public void configure() {
                // No error handler of its own: the failure reaches the caller as a failing producer's would,
                // instead of being exhausted here first.
                errorHandler(noErrorHandler());
                from("direct:failing").routeId("failing-broker")
                        .throwException(new IllegalStateException("broker unavailable"));
            }
        });

        Exchange result = postSigned(VALID_SALE);

        assertThat(result.getException()).isNull();
        assertThat(status(result)).isEqualTo(503);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.has("saleId")).isFalse();
    }
}
