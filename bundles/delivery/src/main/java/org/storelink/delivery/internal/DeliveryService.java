package org.storelink.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.storelink.delivery.DayCounts;
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;
import org.storelink.delivery.Submission.Outcome;
import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerRegistry;
import org.storelink.stores.StoreRegistry;

/**
 * Takes stores' orders and shows their deliveries. A new delivery is stored together with its
 * {@code delivery-request} message in the outbox (one database transaction); the dispatcher sends it afterwards.
 */
final class DeliveryService implements Deliveries {
    private final JdbcDeliveries database;
    private final StoreRegistry stores;
    private final PartnerRegistry partners;
    private final Map<String, String> defaultFleets;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Runnable dispatchSoon;

    /**
     * @param defaultFleets region id → fleet partner id, for requests that name no fleet
     * @param dispatchSoon  asks the dispatcher to send the outbox now rather than at its next pass
     */
    DeliveryService(JdbcDeliveries database, StoreRegistry stores, PartnerRegistry partners,
                    Map<String, String> defaultFleets, Clock clock, Supplier<String> ids, Runnable dispatchSoon) {
        this.database = database;
        this.stores = stores;
        this.partners = partners;
        this.defaultFleets = Map.copyOf(defaultFleets);
        this.clock = clock;
        this.ids = ids;
        this.dispatchSoon = dispatchSoon;
    }

    static Supplier<String> randomIds() {
        return () -> UUID.randomUUID().toString();
    }

    @Override
    public Submission request(String storeId, byte[] json) {
        Optional<Store> found = stores.store(storeId);
        if (found.isEmpty()) {
            return new Submission(Outcome.UNKNOWN_STORE, null, null, "No store with id \"" + Texts.clip(storeId)
                    + "\" is registered", List.of());
        }
        Store store = found.get();
        RequestReader.Result read = RequestReader.read(json);
        Optional<JdbcDeliveries.Existing> existing = read.orderRef() == null ? Optional.empty()
                : database.findOrder(storeId, read.orderRef());
        // A resend of an order taken before is answered with that delivery even once its window has passed.
        if (existing.isPresent() && read.valid() && existing.get().hash().equals(read.request().hash())) {
            return existing(existing.get());
        }
        Instant now = clock.instant();
        List<Violation> problems = new ArrayList<>(read.violations());
        if (read.windowTo() != null && !read.windowTo().toInstant().isAfter(now)) {
            problems.add(new Violation("window.to", "is in the past (now is " + Times.format(
                    Times.in(now, store.zone())) + ")"));
        }
        String fleet = fleet(store, read, problems);
        if (!problems.isEmpty()) {
            return new Submission(Outcome.INVALID, null, null, "The delivery request has " + problems.size()
                    + " problem(s)", problems);
        }
        if (existing.isPresent()) {
            return conflict(existing.get());
        }
        if (store.coordinates() == null) {
            return new Submission(Outcome.STORE_NOT_DELIVERABLE, null, null, "Store \"" + storeId + "\" has no"
                    + " coordinates in the store registry, so a rider could not find it; add latitude and"
                    + " longitude to the store", List.of());
        }
        OrderRequest order = read.request();
        String deliveryId = ids.get();
        OffsetDateTime requestedAt = Times.in(now, store.zone());
        byte[] message = DeliveryMessages.request(deliveryId, store, fleet, order, requestedAt);
        JdbcDeliveries.NewDelivery delivery = new JdbcDeliveries.NewDelivery(deliveryId, storeId, order.orderRef(),
                fleet, order.hash(), order.window().from(), order.window().to(), requestedAt,
                order.canonicalText());
        String address = "partner." + fleet + ".out";
        if (!database.insert(delivery, address, message, now)) {
            // the same orderRef was stored by a concurrent request in the meantime
            JdbcDeliveries.Existing raced = database.findOrder(storeId, order.orderRef()).orElseThrow(
                    () -> new IllegalStateException("Delivery of order " + order.orderRef() + " vanished"));
            return raced.hash().equals(order.hash()) ? existing(raced) : conflict(raced);
        }
        dispatchSoon.run();
        return new Submission(Outcome.CREATED, deliveryId, fleet, "Delivery " + deliveryId + " requested from fleet "
                + fleet, List.of());
    }

    /** The fleet named, else the region's default; it must be a registered partner of kind fleet. */
    private String fleet(Store store, RequestReader.Result read, List<Violation> problems) {
        if (problems.stream().anyMatch(v -> v.path().equals("fleet"))) {
            return null;
        }
        String fleet = read.fleet();
        if (fleet == null) {
            fleet = defaultFleets.get(store.region());
            if (fleet == null) {
                problems.add(new Violation("fleet", "is required: region '" + store.region() + "' has no default"
                        + " fleet (fleets in " + DeliveryConfig.PID + ")"));
                return null;
            }
        }
        Optional<Partner> partner = partners.find(fleet);
        if (partner.isEmpty()) {
            problems.add(new Violation("fleet", "no partner '" + fleet + "' is registered"));
            return null;
        }
        if (partner.get().kind() != PartnerKind.FLEET) {
            problems.add(new Violation("fleet", "partner '" + fleet + "' is a " + partner.get().kind().code()
                    + ", not a fleet"));
            return null;
        }
        return fleet;
    }

    private static Submission existing(JdbcDeliveries.Existing existing) {
        return new Submission(Outcome.EXISTING, existing.deliveryId(), existing.fleet(), "The order was taken"
                + " before as delivery " + existing.deliveryId(), List.of());
    }

    private static Submission conflict(JdbcDeliveries.Existing existing) {
        return new Submission(Outcome.CONFLICT, existing.deliveryId(), existing.fleet(), "The orderRef was used"
                + " before for a different order", List.of(new Violation("orderRef", "already used for delivery "
                + existing.deliveryId() + " with different content; use a new orderRef for a new order")));
    }

    @Override
    public Optional<DeliveryDay> day(String storeId, LocalDate day) {
        Optional<Store> store = stores.store(storeId);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = store.get().zone();
        Instant now = clock.instant();
        LocalDate date = day == null ? now.atZone(zone).toLocalDate() : day;
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<DeliveryView> views = database.byWindowStart(storeId, from, to).stream()
                .map(row -> view(row, zone, now)).toList();
        return Optional.of(new DeliveryDay(storeId, zone, date, now, count(views), views));
    }

    @Override
    public Optional<DeliveryView> find(String storeId, String deliveryId) {
        Optional<Store> store = stores.store(storeId);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        return database.find(storeId, deliveryId).map(row -> view(row, store.get().zone(), clock.instant()));
    }

    static DeliveryView view(JdbcDeliveries.Row row, ZoneId zone, Instant now) {
        return new DeliveryView(row.deliveryId(), row.storeId(), row.orderRef(), row.fleet(), row.status(),
                Times.in(row.windowFrom(), zone), Times.in(row.windowTo(), zone), Times.in(row.requestedAt(), zone),
                Times.in(row.statusAt(), zone), Times.in(row.deliveredAt(), zone), row.rider(), row.reason(),
                row.sentAt(), late(row.status(), row.deliveredAt(), row.windowTo(), now), row.history());
    }

    /** Delivered after the window's end, or neither delivered nor failed once it has ended. */
    static boolean late(DeliveryStatus status, Instant deliveredAt, Instant windowTo, Instant now) {
        return switch (status) {
            case DELIVERED -> deliveredAt.isAfter(windowTo);
            case FAILED -> false;
            default -> now.isAfter(windowTo);
        };
    }

    static DayCounts count(List<DeliveryView> deliveries) {
        int delivered = 0;
        int onTime = 0;
        int late = 0;
        int failed = 0;
        int open = 0;
        for (DeliveryView delivery : deliveries) {
            switch (delivery.status()) {
                case DELIVERED -> {
                    delivered++;
                    if (!delivery.late()) {
                        onTime++;
                    }
                }
                case FAILED -> failed++;
                default -> open++;
            }
            if (delivery.late()) {
                late++;
            }
        }
        return new DayCounts(deliveries.size(), delivered, onTime, late, failed, open);
    }
}
