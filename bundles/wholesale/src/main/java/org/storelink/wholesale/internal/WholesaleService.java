package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.stores.StoreRegistry;
import org.storelink.wholesale.CutoffResult;
import org.storelink.wholesale.Delivery;
import org.storelink.wholesale.LineStatus;
import org.storelink.wholesale.OrderStatus;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.PurchaseOrderSummary;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.Replenishment;
import org.storelink.wholesale.ReplenishmentLine;
import org.storelink.wholesale.SourcingShare;
import org.storelink.wholesale.SourcingShares;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.StoreOrderLine;
import org.storelink.wholesale.WholesaleOrdering;
import org.storelink.wholesale.WholesaleRequestException;

/** Wholesale ordering and sourcing shares over the wholesale tables, without OSGi or Camel. */
final class WholesaleService implements WholesaleOrdering, SourcingShares {
    private static final Logger LOG = LoggerFactory.getLogger(WholesaleService.class);
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final char[] ID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_LINES = 1000;

    private final JdbcWholesale db;
    private final Catalogs catalogs;
    private final StoreRegistry stores;
    private final WholesaleSettings settings;
    private final Map<String, BigDecimal> contracted;
    private final PurchaseOrderSender sender;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WholesaleService(JdbcWholesale db, Catalogs catalogs, StoreRegistry stores, WholesaleSettings settings,
                     Map<String, BigDecimal> contracted, PurchaseOrderSender sender, Clock clock) {
        this.db = db;
        this.catalogs = catalogs;
        this.stores = stores;
        this.settings = settings;
        this.contracted = Map.copyOf(contracted);
        this.sender = sender;
        this.clock = clock;
    }

    Catalogs catalogs() {
        return catalogs;
    }

    // ---- replenishment ----

    @Override
    public Optional<Replenishment> replenishment(String storeId) {
        return stores.store(storeId).map(this::replenishment);
    }

    private Replenishment replenishment(Store store) {
        ZonedDateTime now = clock.instant().atZone(store.zone());
        LocalDate to = now.toLocalDate().minusDays(1);
        LocalDate from = to.minusDays(settings.historyDays() - 1L);
        Optional<LocalDate> first = db.firstSaleDay(store.id());
        if (first.isPresent() && first.get().isAfter(from)) {
            // a store that joined recently: its history starts with its first sale, not with empty days
            from = first.get();
        }
        Map<Gtin, Map<LocalDate, BigDecimal>> daily = from.isAfter(to) ? Map.of()
                : db.dailyUnits(store.id(), from, to);
        Map<Gtin, JdbcWholesale.Count> counts = db.lastCounts(store.id());
        Map<Gtin, Long> onOrder = db.onOrder(store.id());
        Set<Gtin> products = new TreeSet<>(Comparator.comparing(Gtin::value));
        products.addAll(daily.keySet());
        products.addAll(counts.keySet());
        products.addAll(onOrder.keySet());

        List<ReplenishmentLine> lines = new ArrayList<>();
        List<Gtin> notOffered = new ArrayList<>();
        for (Gtin gtin : products) {
            Optional<Catalogs.Offer> offer = catalogs.offer(gtin, store.region());
            if (offer.isEmpty()) {
                if (daily.containsKey(gtin)) {
                    notOffered.add(gtin);
                }
                continue;
            }
            CatalogProduct product = offer.get().product();
            List<BigDecimal> series = new ArrayList<>();
            Map<LocalDate, BigDecimal> days = daily.getOrDefault(gtin, Map.of());
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                series.add(days.getOrDefault(day, BigDecimal.ZERO));
            }
            ReorderMath.Demand demand = ReorderMath.demand(series);
            BigDecimal reorderPoint = ReorderMath.reorderPoint(demand, product.leadTimeDays(), settings.z());
            BigDecimal target = ReorderMath.target(reorderPoint, demand, settings.reviewPeriodDays());
            JdbcWholesale.Count count = counts.get(gtin);
            Instant since = count == null ? null : count.countedAt();
            BigDecimal onHand = (count == null ? BigDecimal.ZERO : count.quantity())
                    .add(db.unitsReceivedSince(store.id(), gtin, since))
                    .subtract(db.unitsSoldSince(store.id(), gtin, since));
            if (onHand.signum() < 0) {
                onHand = BigDecimal.ZERO;
            }
            BigDecimal ordered = BigDecimal.valueOf(onOrder.getOrDefault(gtin, 0L));
            BigDecimal position = onHand.add(ordered);
            long quantity = ReorderMath.orderQuantity(position, reorderPoint, target, product.packSize());
            lines.add(new ReplenishmentLine(gtin, product.name(), offer.get().supplier().id(), product.packSize(),
                    product.leadTimeDays(), ReorderMath.display(demand.mean()), ReorderMath.display(demand.sigma()),
                    ReorderMath.display(reorderPoint), ReorderMath.display(target), ReorderMath.display(onHand),
                    count != null, ReorderMath.display(ordered), ReorderMath.display(position), quantity,
                    product.unitPrice(Math.max(quantity, product.packSize()))));
        }
        return new Replenishment(store.id(), now, from, to, settings.serviceLevel(), settings.z(),
                settings.reviewPeriodDays(), lines, notOffered);
    }

    // ---- store orders ----

    @Override
    public StoreOrder confirmOrder(String storeId, List<Quantity> requested) {
        Store store = knownStore(storeId);
        List<Violation> problems = new ArrayList<>();
        List<StoreOrderLine> lines = new ArrayList<>();
        if (requested.isEmpty()) {
            Replenishment suggestion = replenishment(store);
            for (ReplenishmentLine line : suggestion.suggested()) {
                lines.add(new StoreOrderLine(line.gtin(), line.name(), line.supplierId(), line.packSize(),
                        line.suggestedQuantity(), null, line.unitPrice(), LineStatus.OPEN, null, null));
            }
            if (lines.isEmpty()) {
                throw new WholesaleRequestException("lines", "nothing to order: no line of the current suggestion"
                        + " has a quantity above zero; name the lines to order");
            }
        } else {
            if (requested.size() > MAX_LINES) {
                throw new WholesaleRequestException("lines", "at most " + MAX_LINES + " lines");
            }
            Set<Gtin> seen = new HashSet<>();
            for (int i = 0; i < requested.size(); i++) {
                Quantity line = requested.get(i);
                String at = "lines[" + i + "]";
                if (!seen.add(line.gtin())) {
                    problems.add(new Violation(at + ".gtin", line.gtin().value() + " is listed twice"));
                    continue;
                }
                if (line.quantity().signum() <= 0) {
                    problems.add(new Violation(at + ".quantity", "must be above zero"));
                    continue;
                }
                Optional<Catalogs.Offer> offer = catalogs.offer(line.gtin(), store.region());
                if (offer.isEmpty()) {
                    problems.add(new Violation(at + ".gtin", line.gtin().value() + " is not offered by any supplier"
                            + " of region " + store.region()));
                    continue;
                }
                CatalogProduct product = offer.get().product();
                long units = ReorderMath.roundUpToPacks(line.quantity(), product.packSize());
                lines.add(new StoreOrderLine(line.gtin(), product.name(), offer.get().supplier().id(),
                        product.packSize(), units, null, product.unitPrice(units), LineStatus.OPEN, null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new WholesaleRequestException(problems);
        }
        lines.sort(Comparator.comparing(line -> line.gtin().value()));
        ZonedDateTime now = clock.instant().atZone(store.zone());
        StoreOrder order = new StoreOrder(newId("SO", now), store.id(), OrderStatus.CONFIRMED, now, lines);
        db.insertOrder(order);
        LOG.info("Store {} confirmed order {} with {} line(s)", store.id(), order.orderId(), lines.size());
        return order;
    }

    @Override
    public List<StoreOrder> orders(String storeId, int limit) {
        knownStore(storeId);
        return db.orders(storeId, Math.max(1, Math.min(limit, 1000)));
    }

    // ---- stock, deliveries, purchases ----

    @Override
    public void recordStockCount(String storeId, StockCount count) {
        knownStore(storeId);
        List<Violation> problems = quantities(count.lines(), false);
        if (count.countedAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            problems.add(new Violation("countedAt", "is in the future"));
        }
        if (!problems.isEmpty()) {
            throw new WholesaleRequestException(problems);
        }
        db.recordStockCount(storeId, count.countedAt(), count.lines());
    }

    @Override
    public void recordDelivery(String storeId, Delivery delivery) {
        knownStore(storeId);
        List<Violation> problems = quantities(delivery.lines(), true);
        if (delivery.receivedAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            problems.add(new Violation("receivedAt", "is in the future"));
        }
        if (!problems.isEmpty()) {
            throw new WholesaleRequestException(problems);
        }
        String orderId = delivery.orderId().orElse(null);
        if (!db.recordDelivery(newId("DL", clock.instant().atZone(settings.cutoffZone())), storeId,
                delivery.receivedAt(), orderId, delivery.lines())) {
            throw new WholesaleRequestException("orderId", "no order " + orderId + " of store " + storeId);
        }
    }

    private static List<Violation> quantities(List<Quantity> lines, boolean positive) {
        List<Violation> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new Violation("lines", "at least one line is required"));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(new Violation("lines", "at most " + MAX_LINES + " lines"));
            return problems;
        }
        Set<Gtin> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Quantity line = lines.get(i);
            if (!seen.add(line.gtin())) {
                problems.add(new Violation("lines[" + i + "].gtin", line.gtin().value() + " is listed twice"));
            }
            if (positive ? line.quantity().signum() <= 0 : line.quantity().signum() < 0) {
                problems.add(new Violation("lines[" + i + "].quantity", positive ? "must be above zero"
                        : "must not be negative"));
            } else if (line.quantity().stripTrailingZeros().scale() > 3 || line.quantity().precision() > 19) {
                problems.add(new Violation("lines[" + i + "].quantity", "at most 3 decimals and 16 digits"));
            }
        }
        return problems;
    }

    @Override
    public Purchase recordPurchase(Purchase purchase) {
        Store store = knownStore(purchase.storeId());
        List<Violation> problems = new ArrayList<>();
        if (purchase.amount().minor() <= 0) {
            problems.add(new Violation("amount", "must be above zero"));
        }
        if (purchase.supplier().isBlank() || purchase.supplier().length() > 200) {
            problems.add(new Violation("supplier", "must be 1 to 200 characters"));
        }
        if (purchase.day().isAfter(clock.instant().atZone(store.zone()).toLocalDate())) {
            problems.add(new Violation("day", "is in the future"));
        }
        if (!problems.isEmpty()) {
            throw new WholesaleRequestException(problems);
        }
        Purchase recorded = new Purchase(newId("PU", clock.instant().atZone(store.zone())), store.id(),
                purchase.day(), purchase.amount(), purchase.supplier().strip());
        db.insertPurchase(recorded, clock.instant());
        return recorded;
    }

    // ---- cut-off ----

    private record GroupKey(String supplierId, String regionId, String currency) {
    }

    @Override
    public synchronized CutoffResult cutoff() {
        ZonedDateTime issued = clock.instant().atZone(settings.cutoffZone());
        List<JdbcWholesale.OpenLine> open = db.confirmedLines();
        Map<GroupKey, List<JdbcWholesale.OpenLine>> groups = new TreeMap<>(Comparator.comparing(GroupKey::supplierId)
                .thenComparing(GroupKey::regionId).thenComparing(GroupKey::currency));
        for (JdbcWholesale.OpenLine line : open) {
            String region = stores.store(line.storeId()).map(Store::region).orElse("unknown");
            groups.computeIfAbsent(new GroupKey(line.supplierId(), region, line.currency()), key -> new ArrayList<>())
                    .add(line);
        }
        Map<PurchaseOrder, List<JdbcWholesale.Assignment>> created = new LinkedHashMap<>();
        for (Map.Entry<GroupKey, List<JdbcWholesale.OpenLine>> group : groups.entrySet()) {
            created.put(purchaseOrder(group.getKey(), group.getValue(), issued), assignments(
                    group.getValue()));
        }
        if (!created.isEmpty()) {
            db.createPurchaseOrders(created);
        }
        int storeOrders = (int) open.stream().map(JdbcWholesale.OpenLine::orderId).distinct().count();
        LOG.info("Cut-off at {}: {} store order(s) into {} purchase order(s)", issued, storeOrders, created.size());
        List<PurchaseOrderSummary> summaries = new ArrayList<>();
        for (PurchaseOrder order : db.purchaseOrders(PurchaseOrder.UNSENT)) {
            send(order);
            summaries.add(summary(db.purchaseOrder(order.poId()).orElse(order)));
        }
        return new CutoffResult(issued, storeOrders, summaries);
    }

    private PurchaseOrder purchaseOrder(GroupKey key, List<JdbcWholesale.OpenLine> lines, ZonedDateTime issued) {
        Optional<Supplier> supplier = catalogs.supplier(key.supplierId());
        Map<Gtin, List<JdbcWholesale.OpenLine>> byProduct = new TreeMap<>(Comparator.comparing(Gtin::value));
        lines.forEach(line -> byProduct.computeIfAbsent(line.gtin(), gtin -> new ArrayList<>()).add(line));
        List<PurchaseOrder.Line> poLines = new ArrayList<>();
        int lineNo = 1;
        for (Map.Entry<Gtin, List<JdbcWholesale.OpenLine>> product : byProduct.entrySet()) {
            JdbcWholesale.OpenLine first = product.getValue().get(0);
            long quantity = product.getValue().stream().mapToLong(JdbcWholesale.OpenLine::quantity)
                    .reduce(0L, Math::addExact);
            // the tier price of the aggregated quantity; a product gone from the catalogue keeps its confirmed price
            long price = supplier.flatMap(s -> s.product(product.getKey()))
                    .filter(p -> p.currency().equals(key.currency()))
                    .map(p -> p.unitPrice(quantity).minor())
                    .orElse(first.unitPriceMinor());
            poLines.add(new PurchaseOrder.Line(lineNo++, product.getKey(), first.name(), first.packSize(), quantity,
                    price, LineStatus.OPEN, null, null, null));
        }
        return new PurchaseOrder(newId("PO", issued), key.supplierId(), key.regionId(), key.currency(),
                supplier.map(Supplier::format).orElse(DocumentFormat.UBL), issued.toOffsetDateTime(),
                PurchaseOrder.UNSENT, 0, null, poLines);
    }

    private static List<JdbcWholesale.Assignment> assignments(List<JdbcWholesale.OpenLine> lines) {
        List<Gtin> products = lines.stream().map(JdbcWholesale.OpenLine::gtin).distinct()
                .sorted(Comparator.comparing(Gtin::value)).toList();
        return lines.stream().map(line -> new JdbcWholesale.Assignment(line.orderId(), line.gtin(),
                products.indexOf(line.gtin()) + 1)).toList();
    }

    /** The document in the supplier's format, as it is sent. */
    byte[] document(PurchaseOrder order, Supplier supplier) {
        Parties parties = new Parties(settings.buyerId(), settings.buyerName(), supplier.partyId(), supplier.name(),
                order.regionId(), stores.regions().stream().filter(r -> r.id().equals(order.regionId()))
                .map(Region::name).filter(name -> name != null && !name.isBlank()).findFirst()
                .orElse(order.regionId()));
        return order.format() == DocumentFormat.EDIFACT ? EdifactOrderWriter.write(order, parties)
                : UblOrderWriter.write(order, parties);
    }

    private void send(PurchaseOrder order) {
        Optional<Supplier> supplier = catalogs.supplier(order.supplierId());
        if (supplier.isEmpty()) {
            db.markSendFailed(order.poId(), "supplier " + order.supplierId() + " is not configured");
            return;
        }
        try {
            sender.send(order, supplier.get(), document(order, supplier.get()));
            db.markSent(order.poId(), clock.instant());
            LOG.info("Purchase order {} sent to {} ({}, {})", order.poId(), order.supplierId(),
                    order.format().code(), supplier.get().channel().describe());
        } catch (Exception e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            db.markSendFailed(order.poId(), problem);
            LOG.warn("Purchase order {} to {} not sent, will retry at the next cut-off: {}", order.poId(),
                    order.supplierId(), problem);
        }
    }

    private static PurchaseOrderSummary summary(PurchaseOrder order) {
        return new PurchaseOrderSummary(order.poId(), order.supplierId(), order.regionId(), order.format().code(),
                order.lines().size(), order.total(), order.status(), order.lastProblem());
    }

    List<PurchaseOrderSummary> purchaseOrders(String status) {
        return db.purchaseOrders(status).stream().map(WholesaleService::summary).toList();
    }

    // ---- supplier messages ----

    /** Replaces the partner's catalogue with the products of its message. */
    void catalogReceived(String supplierId, List<CatalogProduct> products, String productsJson) {
        db.saveCatalog(supplierId, productsJson, clock.instant());
        catalogs.received(supplierId, products);
        LOG.info("Catalogue of {} replaced: {} product(s)", supplierId, products.size());
    }

    /**
     * Applies a supplier's answer: the purchase order lines, then each line's confirmed quantity allocated back to
     * the store orders (see {@link Allocator}).
     *
     * @throws MalformedResponseException naming every reason the answer cannot be applied
     */
    PurchaseOrder applyResponse(String partnerId, OrderResponse response) throws MalformedResponseException {
        List<String> problems = new ArrayList<>();
        Optional<PurchaseOrder> found = db.purchaseOrder(response.purchaseOrderId());
        if (found.isEmpty()) {
            throw new MalformedResponseException(List.of("order reference: no purchase order "
                    + response.purchaseOrderId()));
        }
        PurchaseOrder order = found.get();
        if (!order.supplierId().equals(partnerId)) {
            throw new MalformedResponseException(List.of("order reference: purchase order "
                    + response.purchaseOrderId() + " was not sent to " + partnerId));
        }
        if (response.currency() != null && !response.currency().equals(order.currency())) {
            problems.add("currency: the order is in " + order.currency() + ", the response in "
                    + response.currency());
        }
        Map<Integer, OrderResponse.Line> answered = new HashMap<>();
        Map<Integer, Long> prices = new HashMap<>();
        for (OrderResponse.Line line : response.lines()) {
            String at = "line " + line.lineNo();
            Optional<PurchaseOrder.Line> ordered = order.line(line.lineNo());
            if (ordered.isEmpty()) {
                problems.add(at + ": the purchase order has no such line");
                continue;
            }
            if (answered.put(line.lineNo(), line) != null) {
                problems.add(at + ": answered twice");
            }
            if (line.gtin() != null && !line.gtin().equals(ordered.get().gtin())) {
                problems.add(at + ": item " + line.gtin().value() + " is not the ordered "
                        + ordered.get().gtin().value());
            }
            if (line.unitPrice() != null) {
                try {
                    long price = Money.parseMajor(line.unitPrice(), order.currency());
                    if (price < 0) {
                        problems.add(at + ": price must not be negative");
                    }
                    prices.put(line.lineNo(), price);
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": price " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedResponseException(problems);
        }
        List<JdbcWholesale.LineAnswer> answers = new ArrayList<>();
        for (PurchaseOrder.Line line : order.lines()) {
            OrderResponse.Line answer = answered.get(line.lineNo());
            LineStatus status;
            if (response.rejectedWhole()) {
                status = LineStatus.REJECTED;
            } else if (answer != null) {
                status = answer.status();
            } else if (response.acceptedWhole()) {
                status = LineStatus.ACCEPTED;
            } else {
                continue;
            }
            long quantity = status == LineStatus.REJECTED ? 0
                    : answer != null && answer.quantity() != null ? answer.quantity() : line.quantity();
            long price = prices.getOrDefault(line.lineNo(), line.unitPriceMinor());
            LocalDate date = answer == null ? null : answer.deliveryDate();
            Map<String, Long> allocation = Allocator.allocate(quantity, line.packSize(),
                    db.claims(order.poId(), line.lineNo()));
            answers.add(new JdbcWholesale.LineAnswer(line.lineNo(), status, quantity, price, date, allocation));
        }
        db.applyAnswer(order.poId(), response.responseId(), clock.instant(), answers);
        LOG.info("Purchase order {} answered by {} ({}): {} line(s) updated", order.poId(), partnerId,
                response.responseId(), answers.size());
        return db.purchaseOrder(order.poId()).orElseThrow();
    }

    // ---- sourcing ----

    @Override
    public Optional<SourcingShare> share(String storeId, YearMonth month) {
        return stores.store(storeId).map(store -> share(store, month));
    }

    private SourcingShare share(Store store, YearMonth month) {
        Map<String, Long> platform = db.platformValue(store.id(), month);
        Map<String, Long> total = new TreeMap<>(platform);
        db.purchases(store.id(), month).forEach((currency, amount) -> total.merge(currency, amount, Math::addExact));
        String currency = total.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        long platformMinor = currency == null ? 0 : platform.getOrDefault(currency, 0L);
        long totalMinor = currency == null ? 0 : total.get(currency);
        Optional<BigDecimal> actual = totalMinor == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(platformMinor).divide(BigDecimal.valueOf(totalMinor), 4,
                RoundingMode.HALF_EVEN));
        List<String> others = total.keySet().stream().filter(c -> !c.equals(currency)).toList();
        return new SourcingShare(store.id(), month, currency, platformMinor, totalMinor, actual,
                Optional.ofNullable(contracted.get(store.id())), others);
    }

    @Override
    public List<SourcingShare> belowCommitment(String regionId, YearMonth month) {
        return stores.stores().stream()
                .filter(store -> regionId.equals(store.region()))
                .map(store -> share(store, month))
                .filter(SourcingShare::belowCommitment)
                .toList();
    }

    // ---- helpers ----

    private Store knownStore(String storeId) {
        return stores.store(storeId).orElseThrow(() -> new WholesaleRequestException("storeId",
                "no store '" + (storeId == null ? "" : storeId) + "' is registered"));
    }

    /** {@code PO-20261126-K3J9Q2M4}: a prefix, the day, 8 random characters of Crockford's base 32. */
    private String newId(String prefix, ZonedDateTime at) {
        StringBuilder id = new StringBuilder(prefix).append('-').append(at.format(ID_DAY)).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
        }
        return id.toString();
    }
}
