package org.storelink.pos.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;
import org.storelink.model.json.ProblemException;

/**
 * A Shopify delivery: known shop (404), valid {@code X-Shopify-Hmac-Sha256} over the raw body with the shop's
 * secret (401), mapped store registered (404), the {@code orders/create} topic (others: 202 ignored), an event id
 * (400), a JSON order (400), not a test, cancelled or voided order (202 ignored), mappable (422).
 */
final class ShopifyWebhook {
    static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    static final String SHOP_HEADER = "X-Shopify-Shop-Domain";
    static final String TOPIC_HEADER = "X-Shopify-Topic";
    static final String EVENT_ID_HEADER = "X-Shopify-Event-Id";
    static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    static final List<String> HEADERS = List.of(HMAC_HEADER, SHOP_HEADER, TOPIC_HEADER, EVENT_ID_HEADER,
            WEBHOOK_ID_HEADER);
    static final String TOPIC = "orders/create";
    static final String SOURCE = "pos-platform.shopify";
    static final String DUPLICATE_PREFIX = "shopify:";

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyWebhook.class);
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final PlatformSettings settings;
    private final StoreRegistry stores;
    private final Clock clock;

    ShopifyWebhook(PlatformSettings settings, StoreRegistry stores, Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.clock = clock;
    }

    /** @param header the request's header by name, or null when it is absent */
    Outcome handle(byte[] body, UnaryOperator<String> header) throws ProblemException {
        String domain = header.apply(SHOP_HEADER);
        if (domain == null || domain.isBlank()) {
            throw new ProblemException(400, "Missing shop", SHOP_HEADER + " header is required", List.of());
        }
        PlatformSettings.Shop shop = settings.shop(domain.strip()).orElseThrow(() -> new ProblemException(404,
                "Unknown shop", "No shop \"" + Texts.clip(domain.strip()) + "\" is configured in shopify.shops",
                List.of()));
        Base64HmacSignature.Check check = Base64HmacSignature.check(header.apply(HMAC_HEADER), shop.secret(), body);
        if (check != Base64HmacSignature.Check.VALID) {
            throw new ProblemException(401, "Signature refused", check.reason(HMAC_HEADER), List.of());
        }
        if (stores.store(shop.storeId()).isEmpty()) {
            LOG.warn("Shopify shop {} maps to store {}, which is not in the store registry", shop.domain(),
                    shop.storeId());
            throw new ProblemException(404, "Unknown store", "Shop " + shop.domain() + " maps to store \""
                    + shop.storeId() + "\", which is not registered", List.of());
        }
        String topic = header.apply(TOPIC_HEADER);
        if (topic == null || topic.isBlank()) {
            throw new ProblemException(400, "Missing topic", TOPIC_HEADER + " header is required", List.of());
        }
        String eventId = eventId(header);
        if (!TOPIC.equals(topic.strip())) {
            return new Outcome.Acknowledge(answer("ignored", eventId)
                    .put("reason", "topic \"" + Texts.clip(topic.strip()) + "\" is not handled; only " + TOPIC));
        }
        JsonNode order = JsonBody.parse(body);
        String skip = ShopifyOrderMapper.skipReason(order, settings.acceptTestOrders()).orElse(null);
        if (skip != null) {
            return new Outcome.Acknowledge(answer("ignored", eventId).put("reason", skip));
        }
        MappedSale mapped = ShopifyOrderMapper.map(order, shop.storeId(), shop.gtinBySku());
        if (!mapped.ok()) {
            throw mapped.problem("order");
        }
        SaleRecorded event = new SaleRecorded(UUID.randomUUID().toString(), Instant.now(clock), SOURCE,
                mapped.sale());
        return new Outcome.Publish(DUPLICATE_PREFIX + eventId, event,
                answer("accepted", eventId).put("saleId", mapped.sale().saleId()));
    }

    /** {@code X-Shopify-Event-Id}, else {@code X-Shopify-Webhook-Id}: the same on every retry of one event. */
    private static String eventId(UnaryOperator<String> header) throws ProblemException {
        String id = header.apply(EVENT_ID_HEADER);
        String name = EVENT_ID_HEADER;
        if (id == null || id.isBlank()) {
            id = header.apply(WEBHOOK_ID_HEADER);
            name = WEBHOOK_ID_HEADER;
        }
        if (id == null || id.isBlank()) {
            throw new ProblemException(400, "Missing event id", EVENT_ID_HEADER + " or " + WEBHOOK_ID_HEADER
                    + " header is required", List.of());
        }
        if (!EVENT_ID.matcher(id.strip()).matches()) {
            throw new ProblemException(400, "Malformed event id", name
                    + " must be 1-128 letters, digits, '.', '_', ':' or '-'", List.of());
        }
        return id.strip();
    }

    private static ObjectNode answer(String status, String eventId) {
        return Json.mapper().createObjectNode().put("status", status).put("eventId", DUPLICATE_PREFIX + eventId);
    }
}
