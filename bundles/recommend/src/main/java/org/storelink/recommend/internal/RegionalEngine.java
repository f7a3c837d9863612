package org.storelink.recommend.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.recommend.AssortmentRecommendation;
import org.storelink.recommend.Elasticity;
import org.storelink.recommend.PriceBand;
import org.storelink.recommend.PriceSuggestion;
import org.storelink.recommend.RegionalRecommender;
import org.storelink.recommend.WholesaleCosts;
import org.storelink.stores.StoreRegistry;

/**
 * One region's recommendations, from the sales history and the store registry. Windows end with the current ISO
 * week in the store's own zone; a store's weekly units are its units in the window divided by the weeks in which it
 * sold anything, so a store that joined last week or a week under way does not look like a poor seller.
 */
public final class RegionalEngine implements RegionalRecommender {
    /** How far back the store's own shelf price is looked up. */
    static final int CURRENT_PRICE_WEEKS = 13;

    private final RecommendSettings settings;
    private final StoreRegistry stores;
    private final SalesHistory history;
    private final Supplier<? extends Collection<WholesaleCosts>> wholesaleCosts;
    private final Clock clock;
    private final AssortmentRanker ranker;

    public RegionalEngine(RecommendSettings settings, StoreRegistry stores, SalesHistory history,
                          Supplier<? extends Collection<WholesaleCosts>> wholesaleCosts, Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.history = history;
        this.wholesaleCosts = wholesaleCosts;
        this.clock = clock;
        this.ranker = new AssortmentRanker(settings.neighbours(), settings.minStores());
    }

    @Override
    public String region() {
        return settings.region();
    }

    public RecommendSettings settings() {
        return settings;
    }

    private Store storeOfRegion(String storeId) {
        Store store = stores.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown store \"" + storeId + "\""));
        if (!settings.region().equals(store.region())) {
            throw new IllegalArgumentException("store " + storeId + " is in region " + store.region() + ", not "
                    + settings.region());
        }
        return store;
    }

    private String regionName() {
        return stores.regions().stream().filter(r -> r.id().equals(settings.region())).map(Region::name)
                .filter(name -> name != null && !name.isBlank() && !name.equals(settings.region()))
                .map(name -> settings.region() + " (" + name + ")").findFirst().orElse(settings.region());
    }

    private LocalDate currentWeek(Store store) {
        return JdbcSalesHistory.weekStart(LocalDate.now(clock.withZone(store.zone())));
    }

    /** Every store of the region with its mean weekly units over the horizon. */
    private Map<String, StoreMix> mixes(Store target) {
        LocalDate toWeek = currentWeek(target);
        LocalDate fromWeek = toWeek.minusWeeks(settings.horizonWeeks() - 1L);
        Map<String, Store> region = new LinkedHashMap<>();
        for (Store store : stores.stores()) {
            if (settings.region().equals(store.region())) {
                region.put(store.id(), store);
            }
        }
        Map<String, Map<String, BigDecimal>> units = history.units(region.keySet(), fromWeek, toWeek);
        Map<String, Integer> weeks = history.activeWeeks(region.keySet(), fromWeek, toWeek);
        Map<String, StoreMix> mixes = new LinkedHashMap<>();
        for (Store store : region.values()) {
            int active = Math.max(1, weeks.getOrDefault(store.id(), 0));
            Map<String, Double> weekly = new HashMap<>();
            units.getOrDefault(store.id(), Map.of()).forEach((gtin, sold) -> {
                if (sold.signum() > 0) {
                    weekly.put(gtin, sold.doubleValue() / active);
                }
            });
            mixes.put(store.id(), new StoreMix(store.id(), store.area() == null ? null : store.area().label(), weekly));
        }
        return mixes;
    }

    @Override
    public List<AssortmentRecommendation> recommend(String storeId, int top) {
        Store store = storeOfRegion(storeId);
        Map<String, StoreMix> mixes = mixes(store);
        StoreMix target = mixes.get(store.id());
        List<AssortmentRanker.Candidate> ranked = ranker.rank(target, mixes.values(),
                top > 0 ? top : settings.top());
        Map<String, String> names = history.names(ranked.stream().map(AssortmentRanker.Candidate::gtin).toList());
        String area = target.area() == null ? "same" : target.area();
        String region = regionName();
        List<AssortmentRecommendation> result = new ArrayList<>();
        for (AssortmentRanker.Candidate candidate : ranked) {
            result.add(new AssortmentRecommendation(candidate.gtin(), names.get(candidate.gtin()), candidate.score(),
                    candidate.expectedWeeklyUnits(), candidate.medianWeeklyUnits(), candidate.carriers(),
                    candidate.neighbours(), AssortmentRanker.reason(candidate, area, region)));
        }
        return result;
    }

    @Override
    public List<PriceSuggestion> suggestPrices(String storeId, Optional<String> gtin) {
        Store store = storeOfRegion(storeId);
        Optional<String> product = gtin.map(raw -> Gtin.parse(raw.trim()).value());
        Map<String, StoreMix> mixes = mixes(store);
        List<String> similar = ranker.neighbours(mixes.get(store.id()), mixes.values()).stream()
                .map(n -> n.store().storeId()).toList();
        LocalDate toWeek = currentWeek(store);
        LocalDate from = toWeek.minusWeeks(settings.priceBandWeeks() - 1L);
        LocalDate to = toWeek.plusDays(6);
        Map<String, SalesHistory.ShelfPrice> own = history.latestPrices(store.id(), product,
                toWeek.minusWeeks(CURRENT_PRICE_WEEKS - 1L));
        List<String> observed = new ArrayList<>(similar);
        observed.add(store.id());
        List<SalesHistory.WeeklyPrice> prices = history.prices(observed, product, from, to);

        Set<String> products = new TreeSet<>();
        product.ifPresentOrElse(products::add, () -> products.addAll(own.keySet()));
        Map<String, String> names = history.names(products);
        Set<String> similarIds = new HashSet<>(similar);
        List<PriceSuggestion> result = new ArrayList<>();
        for (String item : products) {
            List<SalesHistory.WeeklyPrice> rows = prices.stream().filter(p -> p.gtin().equals(item)).toList();
            SalesHistory.ShelfPrice ownPrice = own.get(item);
            String currency = ownPrice != null ? ownPrice.currency() : mostUnits(rows);
            result.add(suggest(store, item, names.get(item), currency, ownPrice, rows, similarIds));
        }
        return result;
    }

    private PriceSuggestion suggest(Store store, String gtin, String name, String currency,
                                    SalesHistory.ShelfPrice ownPrice, List<SalesHistory.WeeklyPrice> rows,
                                    Set<String> similar) {
        if (currency == null) {
            return new PriceSuggestion(gtin, name, null, null, false, null, null, null, "no store of region "
                    + settings.region() + " sold it in the last " + settings.priceBandWeeks() + " weeks");
        }
        List<PriceQuartiles.PricePoint> points = new ArrayList<>();
        Set<String> selling = new HashSet<>();
        List<ElasticityFit.Observation> observations = new ArrayList<>();
        for (SalesHistory.WeeklyPrice row : rows) {
            if (!row.currency().equals(currency)) {
                continue;
            }
            observations.add(new ElasticityFit.Observation(row.unitPrice(), row.units().doubleValue()));
            if (similar.contains(row.storeId())) {
                points.add(new PriceQuartiles.PricePoint(row.unitPrice(), row.units()));
                selling.add(row.storeId());
            }
        }
        OptionalLong cost = cost(store.id(), gtin, currency);
        Money costMoney = cost.isPresent() ? new Money(cost.getAsLong(), currency) : null;
        Money current = ownPrice == null ? null : new Money(ownPrice.unitPrice(), currency);
        Elasticity elasticity = ElasticityFit.fit(observations, settings.elasticityMinPricePoints()).orElse(null);
        Optional<PriceQuartiles> quartiles = PriceQuartiles.of(points);
        if (selling.size() < settings.minStores() || quartiles.isEmpty()) {
            String reason = "only " + selling.size() + " similar store" + (selling.size() == 1 ? "" : "s")
                    + " sold it in the last " + settings.priceBandWeeks() + " weeks (min.stores "
                    + settings.minStores() + "): no band";
            Money suggested = null;
            if (current != null) {
                long keep = cost.isPresent() ? Math.max(current.minor(), cost.getAsLong()) : current.minor();
                suggested = new Money(keep, currency);
                reason += keep == current.minor() ? "; keep your price" : "; raised to the wholesale cost "
                        + costMoney.format();
            }
            return new PriceSuggestion(gtin, name, null, current, false, suggested, costMoney, elasticity, reason);
        }
        PriceQuartiles band = quartiles.get();
        PriceAdvisor.Advice advice = PriceAdvisor.advise(band,
                current == null ? OptionalLong.empty() : OptionalLong.of(current.minor()), cost, elasticity,
                settings.priceBandWeeks(), minor -> new Money(minor, currency).format());
        PriceBand priceBand = new PriceBand(new Money(band.p25(), currency), new Money(band.median(), currency),
                new Money(band.p75(), currency), selling.size(), band.distinctPrices());
        return new PriceSuggestion(gtin, name, priceBand, current, current != null && !band.contains(current.minor()),
                new Money(advice.suggested(), currency), costMoney, elasticity, advice.reason());
    }

    /** The highest cost anyone knows: the region's configuration or a {@link WholesaleCosts} service. */
    private OptionalLong cost(String storeId, String gtin, String currency) {
        OptionalLong best = Optional.ofNullable(settings.wholesaleCosts().get(gtin))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        for (WholesaleCosts costs : wholesaleCosts.get()) {
            OptionalLong known = costs.unitCost(storeId, gtin, currency);
            if (known.isPresent() && (best.isEmpty() || known.getAsLong() > best.getAsLong())) {
                best = known;
            }
        }
        return best;
    }

    private static String mostUnits(List<SalesHistory.WeeklyPrice> rows) {
        Map<String, BigDecimal> byCurrency = new HashMap<>();
        rows.forEach(row -> byCurrency.merge(row.currency(), row.units(), BigDecimal::add));
        return byCurrency.entrySet().stream().max(Map.Entry.<String, BigDecimal>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(null);
    }
}
