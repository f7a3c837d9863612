package org.storelink.pos.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.model.json.ProblemException;

/**
 * The two webhook routes. Each hands the raw body and the headers to its platform's handler; a sale is published to
 * {@code storelink.sales.recorded} with {@code _AMQ_DUPL_ID} = platform + event id, and answered 202 only after the
 * broker has accepted the persistent message (503 when it has not). Refusals are RFC 9457 problem JSON.
 */
public final class PlatformRoutes extends RouteBuilder {
    public static final String SHOPIFY_INPUT = "direct:pos-platform.shopify";
    public static final String SQUARE_INPUT = "direct:pos-platform.square";
    public static final String SHOPIFY_ROUTE_ID = "pos-platform.shopify";
    public static final String SQUARE_ROUTE_ID = "pos-platform.square";
    static final String STATUS_HEADER = Exchange.HTTP_RESPONSE_CODE;
    static final String CONTENT_TYPE = Exchange.CONTENT_TYPE;
    private static final String ANSWER = "storelinkPlatformAnswer";
    private static final String PUBLISHING = "storelinkPlatformPublishing";
    private static final String PLATFORM = "storelinkPlatform";

    private final ShopifyWebhook shopify;
    private final SquareWebhook square;
    private final String publishUri;
    private final PlatformCounters counters;

    /** @param publishUri where sales go, {@link #publishUri()} in the platform */
    PlatformRoutes(ShopifyWebhook shopify, SquareWebhook square, String publishUri, PlatformCounters counters) {
        this.shopify = shopify;
        this.square = square;
        this.publishUri = publishUri;
        this.counters = counters;
    }

    public static String publishUri() {
        return "jms:topic:" + Addresses.SALES_RECORDED + "?deliveryPersistent=true";
    }

    @FunctionalInterface
    private interface Handler {
        Outcome handle(byte[] body, java.util.function.UnaryOperator<String> header) throws ProblemException;
    }

    @Override
    public void configure() {
        onException(ProblemException.class)
                .handled(true)
                .process(this::answerProblem);

        onException(Exception.class)
                .handled(true)
                .process(this::answerFailure);

        from(SHOPIFY_INPUT).routeId(SHOPIFY_ROUTE_ID)
                .setProperty(PLATFORM, constant("shopify"))
                .process(exchange -> decide(exchange, shopify::handle))
                .choice().when(exchangeProperty(PUBLISHING).isEqualTo(Boolean.TRUE))
                    .to(publishUri)
                    .process(this::answerPublished)
                .end();

        from(SQUARE_INPUT).routeId(SQUARE_ROUTE_ID)
                .setProperty(PLATFORM, constant("square"))
                .process(exchange -> decide(exchange, square::handle))
                .choice().when(exchangeProperty(PUBLISHING).isEqualTo(Boolean.TRUE))
                    .to(publishUri)
                    .process(this::answerPublished)
                .end();
    }

    private void decide(Exchange exchange, Handler handler) throws ProblemException {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        Outcome outcome = handler.handle(body == null ? new byte[0] : body,
                name -> message.getHeader(name, String.class));
        if (outcome instanceof Outcome.Publish publish) {
            exchange.setProperty(ANSWER, publish.answer());
            exchange.setProperty(PUBLISHING, Boolean.TRUE);
            // Only the duplicate id travels: no HTTP header (signatures included) reaches the broker.
            message.removeHeaders("*");
            message.setHeader(Addresses.DUPLICATE_ID_PROPERTY, publish.duplicateId());
            message.setBody(new String(Json.write(publish.event()), StandardCharsets.UTF_8));
        } else if (outcome instanceof Outcome.Acknowledge acknowledge) {
            count(exchange, "ignored");
            answer(exchange, 202, acknowledge.answer());
        }
    }

    private void answerPublished(Exchange exchange) {
        count(exchange, "accepted");
        answer(exchange, 202, exchange.getProperty(ANSWER, ObjectNode.class));
    }

    private void answerProblem(Exchange exchange) {
        ProblemException problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ProblemException.class);
        count(exchange, "refused." + problem.status());
        answer(exchange, problem.status(),
                ProblemJson.of(problem.status(), problem.title(), problem.getMessage(), problem.violations()));
    }

    private void answerFailure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (Boolean.TRUE.equals(exchange.getProperty(PUBLISHING, Boolean.class))) {
            count(exchange, "failed.503");
            log.error("Could not publish {}: {}", exchange.getMessage().getHeader(Addresses.DUPLICATE_ID_PROPERTY),
                    reason);
            answer(exchange, 503, ProblemJson.of(503, "Not recorded", "The sale could not be published durably;"
                    + " nothing was recorded. Retry later.", List.of()));
        } else {
            count(exchange, "failed.500");
            log.error("Webhook could not be handled: {}", reason, cause);
            answer(exchange, 500, ProblemJson.of(500, "Internal error", "The webhook could not be handled;"
                    + " nothing was recorded. Retry later.", List.of()));
        }
    }

    private void count(Exchange exchange, String what) {
        counters.increment(exchange.getProperty(PLATFORM, "unknown", String.class) + "." + what);
    }

    private static void answer(Exchange exchange, int status, JsonNode body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(STATUS_HEADER, status);
        message.setHeader(CONTENT_TYPE, status >= 400 ? ProblemJson.MEDIA_TYPE : "application/json");
        message.setBody(Json.write(body));
    }
}
