package org.storelink.promotions.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.storelink.model.AreaProfile;
import org.storelink.model.Store;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.PromotionReport;
import org.storelink.promotions.PromotionReport.Uplift;
import org.storelink.promotions.Promotions;
import org.storelink.stores.StoreRegistry;

/** Active promotions per store and the report of a promotion, from the module's tables and the store registry. */
public final class PromotionService implements Promotions {
    private final JdbcPromotions db;
    private final StoreRegistry stores;
    private final Clock clock;

    public PromotionService(JdbcPromotions db, StoreRegistry stores, Clock clock) {
        this.db = db;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public Optional<List<ActivePromotion>> activeFor(String storeId) {
        Optional<Store> store = stores.store(storeId);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            return Optional.of(db.promotionsOverlapping(now, now.plusMillis(1)).stream()
                    .filter(promotion -> promotion.activeAt(now) && promotion.admits(storeId, store))
                    .map(PromotionRow::toActive)
                    .toList());
        } catch (SQLException e) {
            throw new IllegalStateException("active promotions of store " + storeId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PromotionReport> report(String promotionId) {
        try {
            Optional<PromotionRow> promotion = db.promotion(promotionId);
            return promotion.isEmpty() ? Optional.empty() : Optional.of(report(promotion.get()));
        } catch (SQLException e) {
            throw new IllegalStateException("report of promotion " + promotionId + ": " + e.getMessage(), e);
        }
    }

    PromotionReport report(PromotionRow promotion) throws SQLException {
        Instant now = clock.instant();
        JdbcPromotions.Totals totals = db.totals(promotion.promotionId());
        Set<String> participating = db.participatingStores(promotion.promotionId());
        Set<String> comparison = comparisonStores(promotion, participating, stores.stores());

        // Days are dates at the offset the brand gave the start with; only complete days count.
        ZoneOffset offset = promotion.validFrom().getOffset();
        LocalDate from = promotion.validFrom().toLocalDate();
        LocalDate lastDay = promotion.validTo().minusNanos(1).toLocalDate();
        LocalDate yesterday = now.atOffset(offset).toLocalDate().minusDays(1);
        LocalDate to = lastDay.isBefore(yesterday) ? lastDay : yesterday;
        Set<String> groups = new HashSet<>(participating);
        groups.addAll(comparison);
        List<JdbcPromotions.DailySales> sales = to.isBefore(from) || participating.isEmpty() ? List.of()
                : db.dailySales(promotion.products(), promotion.currency(),
                from.minusWeeks(Uplift.BASELINE_WEEKS), to).stream()
                .filter(day -> groups.contains(day.storeId())).toList();
        LocalDate trackedSince = db.trackedSince(promotion.products())
                .map(at -> at.atOffset(offset).toLocalDate()).orElse(null);
        Uplift uplift = UpliftCalculator.compute(sales, participating, comparison, from, to, trackedSince);

        return new PromotionReport(promotion.promotionId(), promotion.brand(), promotion.catalogId(),
                promotion.catalogVersion(), promotion.name(), promotion.mechanics().describe(),
                promotion.validFrom(), promotion.validTo(), promotion.status(now), promotion.currency(),
                totals.redemptions(), totals.units(), totals.revenue(), totals.discount(), totals.expectedDiscount(),
                promotion.budget(), Math.max(0, promotion.budget() - promotion.budgetUsed()), participating.size(),
                uplift, now);
    }

    /**
     * Eligible stores without redemptions that share region and area profile with a participating store: they saw
     * the same season and neighbourhood, but not the promotion.
     */
    static Set<String> comparisonStores(PromotionRow promotion, Set<String> participating, List<Store> all) {
        Set<String> profiles = new HashSet<>();
        for (Store store : all) {
            if (participating.contains(store.id())) {
                profiles.add(key(store.region(), store.area()));
            }
        }
        Set<String> comparison = new TreeSet<>();
        for (Store store : all) {
            if (!participating.contains(store.id()) && promotion.eligibility().admits(store)
                    && profiles.contains(key(store.region(), store.area()))) {
                comparison.add(store.id());
            }
        }
        return comparison;
    }

    private static String key(String region, AreaProfile area) {
        return region + "\u0000" + (area == null ? "" : area.label());
    }

    /** The promotions to report for a period: not withdrawn, and in validity at some time of it. */
    List<PromotionRow> promotionsDuring(Instant from, Instant to) throws SQLException {
        return db.promotionsOverlapping(from, to);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
