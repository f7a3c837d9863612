package org.storelink.pos.platform.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Money;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;
import org.storelink.model.json.ProblemException;

/**
 * A Square event: Square configured here (404), valid {@code x-square-hmacsha256-signature} over notification URL
 * plus raw body (401), a JSON event with {@code event_id}, {@code type} and {@code data.object} (400), a known
 * location (404). Then by type:
 * <ul>
 *   <li>{@code payment.created}: verified, counted and acknowledged; payments are not recorded until the payments
 *       module exists.</li>
 *   <li>{@code order.created}: a full order with line items and tenders becomes a sale; the usual event, which
 *       carries only the order's ids and state, is acknowledged and counted, nothing published.</li>
 *   <li>anything else: acknowledged and counted.</li>
 * </ul>
 */
final class SquareWebhook {
    static final String SIGNATURE_HEADER = "x-square-hmacsha256-signature";
    static final List<String> HEADERS = List.of(SIGNATURE_HEADER);
    static final String SOURCE = "pos-platform.square";
    static final String DUPLICATE_PREFIX = "square:";
    static final String PAYMENT_CREATED = "payment.created";
    static final String ORDER_CREATED = "order.created";
    static final String PAYMENTS_PENDING = "verified; payments are not recorded until the payments module exists";
    static final String NO_LINE_ITEMS = "no line items; recorded as event only: the event carries the order's ids"
            + " and state, not its lines, so no sale was published (counted)";

    private static final Logger LOG = LoggerFactory.getLogger(SquareWebhook.class);

    private final PlatformSettings.Square square;
    private final StoreRegistry stores;
    private final Clock clock;
    private final PlatformCounters counters;

    SquareWebhook(PlatformSettings settings, StoreRegistry stores, Clock clock, PlatformCounters counters) {
        this.square = settings.square();
        this.stores = stores;
        this.clock = clock;
        this.counters = counters;
    }

    Outcome handle(byte[] body, UnaryOperator<String> header) throws ProblemException {
        if (!square.verifiable()) {
            throw new ProblemException(404, "Square not configured", "No Square subscription is configured here"
                    + " (square.notificationUrl, square.signatureKey)", List.of());
        }
        Base64HmacSignature.Check check = Base64HmacSignature.check(header.apply(SIGNATURE_HEADER),
                square.signatureKey(), square.notificationUrl().getBytes(StandardCharsets.UTF_8), body);
        if (check != Base64HmacSignature.Check.VALID) {
            throw new ProblemException(401, "Signature refused", check.reason(SIGNATURE_HEADER), List.of());
        }
        JsonNode event = JsonBody.parse(body);
        Findings findings = new Findings();
        String eventId = JsonBody.id(findings, event, "event_id", "event_id", true);
        String type = JsonBody.text(findings, event, "type", "type", true);
        JsonNode data = JsonBody.object(findings, event, "data", "data", true);
        JsonNode object = data == null ? null : JsonBody.object(findings, data, "object", "data.object", true);
        if (!findings.isEmpty()) {
            throw MappedSale.refused(findings).problem("event");
        }
        return switch (type) {
            case PAYMENT_CREATED -> payment(eventId, object);
            case ORDER_CREATED -> order(eventId, object);
            default -> {
                yield new Outcome.Acknowledge(answer("ignored", eventId, type)
                        .put("reason", "event type \"" + Texts.clip(type) + "\" is not handled"));
            }
        };
    }

    private Outcome payment(String eventId, JsonNode object) throws ProblemException {
        Findings findings = new Findings();
        String at = "data.object.payment";
        JsonNode payment = JsonBody.object(findings, object, "payment", at, true);
        String paymentId = payment == null ? null : JsonBody.id(findings, payment, "id", at + ".id", true);
        String location = payment == null ? null
                : JsonBody.id(findings, payment, "location_id", at + ".location_id", true);
        JsonNode amountMoney = payment == null ? null
                : JsonBody.object(findings, payment, "amount_money", at + ".amount_money", true);
        Long amount = amountMoney == null ? null : SquareMoney.amount(findings, amountMoney, at + ".amount_money",
                null);
        if (!findings.isEmpty()) {
            throw MappedSale.refused(findings).problem("payment");
        }
        String storeId = storeOf(location);
        String currency = amountMoney.get("currency").textValue();
        long count = counters.increment("square.payment.created.ignored");
        LOG.info("Square payment {} of {} at location {} verified and not recorded ({} so far): the payments module"
                + " does not exist yet", paymentId, new Money(amount, currency).format(), location, count);
        return new Outcome.Acknowledge(answer("ignored", eventId, PAYMENT_CREATED)
                .put("storeId", storeId)
                .put("paymentId", paymentId)
                .put("amount", new Money(amount, currency).format())
                .put("reason", PAYMENTS_PENDING));
    }

    private Outcome order(String eventId, JsonNode object) throws ProblemException {
        Findings findings = new Findings();
        JsonNode full = JsonBody.object(findings, object, "order", "data.object.order", false);
        String at = full != null ? "data.object.order" : "data.object.order_created";
        JsonNode order = full != null ? full : JsonBody.object(findings, object, "order_created", at, true);
        String location = order == null ? null : JsonBody.id(findings, order, "location_id", at + ".location_id",
                true);
        if (!findings.isEmpty()) {
            throw MappedSale.refused(findings).problem("order");
        }
        String storeId = storeOf(location);
        JsonNode items = full == null ? null : JsonBody.present(full, "line_items");
        if (items == null || (items.isArray() && items.isEmpty())) {
            counters.increment("square.order.created.ignored");
            return new Outcome.Acknowledge(answer("ignored", eventId, ORDER_CREATED)
                    .put("storeId", storeId).put("reason", NO_LINE_ITEMS));
        }
        JsonNode tenders = JsonBody.present(full, "tenders");
        if (tenders == null || (tenders.isArray() && tenders.isEmpty())) {
            JsonNode state = JsonBody.present(full, "state");
            counters.increment("square.order.created.ignored");
            return new Outcome.Acknowledge(answer("ignored", eventId, ORDER_CREATED).put("storeId", storeId)
                    .put("reason", "the order has no tenders yet (state " + (state == null ? "unknown"
                            : Texts.clip(state.asText())) + "): not a sale until it is paid"));
        }
        MappedSale mapped = SquareOrderMapper.map(full, at, storeId, square.gtinByCatalogObject());
        if (!mapped.ok()) {
            throw mapped.problem("order");
        }
        SaleRecorded recorded = new SaleRecorded(UUID.randomUUID().toString(), Instant.now(clock), SOURCE,
                mapped.sale());
        return new Outcome.Publish(DUPLICATE_PREFIX + eventId, recorded,
                answer("accepted", eventId, ORDER_CREATED).put("saleId", mapped.sale().saleId()));
    }

    private String storeOf(String location) throws ProblemException {
        String storeId = square.storeByLocation().get(location);
        if (storeId == null) {
            throw new ProblemException(404, "Unknown location", "No Square location \"" + Texts.clip(location)
                    + "\" is configured in square.locations", List.of());
        }
        if (stores.store(storeId).isEmpty()) {
            LOG.warn("Square location {} maps to store {}, which is not in the store registry", location, storeId);
            throw new ProblemException(404, "Unknown store", "Square location " + location + " maps to store \""
                    + storeId + "\", which is not registered", List.of());
        }
        return storeId;
    }

    private static ObjectNode answer(String status, String eventId, String type) {
        return Json.mapper().createObjectNode().put("status", status).put("eventId", DUPLICATE_PREFIX + eventId)
                .put("type", type);
    }
}
