package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.recommend.internal.TestData.gtin;
import static org.storelink.recommend.internal.TestData.line;
import static org.storelink.recommend.internal.TestData.recorded;
import static org.storelink.recommend.internal.TestData.sale;
import static org.storelink.recommend.internal.TestData.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Money;
import org.storelink.recommend.AssortmentRecommendation;
import org.storelink.recommend.PriceSuggestion;
import org.storelink.recommend.RecommendNotEnabledException;
import org.storelink.recommend.WholesaleCosts;

/**
 * A region built from recorded sales, with known answers. Now is Thursday 26 Nov 2026 in Shanghai (ISO week 48);
 * the horizon of 4 weeks is 2 Nov - 29 Nov.
 */
class RegionalEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    static final String NOODLES = gtin(690000000011L);
    static final String COLA = gtin(690000000022L);
    static final String TEA = gtin(690000000033L);
    static final String ENERGY = gtin(690000000044L);
    static final String COFFEE = gtin(690000000055L);
    static final String OLD = gtin(690000000066L);

    private DataSource dataSource;
    private JdbcSalesHistory history;
    private TestData.Registry registry;
    private final List<WholesaleCosts> costServices = new ArrayList<>();

    @BeforeEach
    void region() throws Exception {
        dataSource = TestData.newDatabase();
        RecommendSchema.migrate(dataSource, getClass().getClassLoader());
        registry = new TestData.Registry().region("east", "East China").region("west", "West China");
        for (String id : List.of("s1", "s2", "s3", "s4", "s5")) {
            registry.store(store(id, "east", AreaProfile.STUDENT));
        }
        registry.store(store("o1", "east", AreaProfile.OFFICE)).store(store("w1", "west", AreaProfile.STUDENT));
        history = new JdbcSalesHistory(dataSource, id -> registry.store(id).map(s -> s.zone()), CLOCK);
    }

    @AfterEach
    void drop() throws Exception {
        TestData.shutdown(dataSource);
    }

    private RegionalEngine engine(int elasticityPoints, Map<String, Long> configuredCosts) {
        RecommendSettings settings = new RecommendSettings("east", 20, 3, 4, 10, 4, elasticityPoints, configuredCosts);
        return new RegionalEngine(settings, registry, history, () -> costServices, CLOCK);
    }

    /** {@code units} of one product in one sale per week, in weeks 46 to 48 (or one week when asked). */
    private void sells(String store, String gtin, String name, int unitsPerWeek, long price) throws Exception {
        for (String day : List.of("2026-11-10", "2026-11-17", "2026-11-24")) {
            history.record(recorded(sale(store, day + "T12:00:00+08:00",
                    line(1, gtin, name, String.valueOf(unitsPerWeek), price))));
        }
    }

    private void studentRegion() throws Exception {
        // every student store sells noodles and cola; s1 is the one without tea and energy drinks
        for (String store : List.of("s1", "s2", "s3", "s4", "s5")) {
            sells(store, NOODLES, "Instant noodles", 20, 450);
            sells(store, COLA, "Cola 330ml", 15, 300);
        }
        sells("s2", TEA, "Green tea", 12, 350);
        sells("s3", TEA, "Green tea", 12, 350);
        sells("s4", TEA, "Green tea", 10, 350);
        sells("s5", TEA, "Green tea", 14, 350);
        sells("s2", ENERGY, "Energy drink", 30, 600);
        sells("s3", ENERGY, "Energy drink", 30, 600);
        // coffee sells a lot, but only in one student store and the office store: too few similar stores
        sells("s2", COFFEE, "Coffee", 50, 1200);
        sells("o1", COFFEE, "Coffee", 50, 1200);
        sells("o1", NOODLES, "Instant noodles", 2, 450);
        // sold long before the horizon: not evidence
        for (String store : List.of("s2", "s3", "s4", "s5")) {
            history.record(recorded(sale(store, "2026-09-01T12:00:00+08:00", line(1, OLD, "Old product", "99", 100))));
        }
        // the west sells tea too, but other regions are not similar stores
        sells("w1", ENERGY, "Energy drink", 99, 600);
    }

    @Test
    void recommendsWhatSimilarStoresSellAndTheStoreDoesNot() throws Exception {
        studentRegion();

        List<AssortmentRecommendation> found = engine(3, Map.of()).recommend("s1", 0);

        // tea: 4 of 5 similar stores, 12/week; energy drinks: 2 of 5 (below min.stores 3); coffee: 2 stores
        assertThat(found).singleElement().satisfies(tea -> {
            assertThat(tea.gtin()).isEqualTo(TEA);
            assertThat(tea.name()).isEqualTo("Green tea");
            assertThat(tea.carryingStores()).isEqualTo(4);
            assertThat(tea.similarStores()).isEqualTo(5);
            assertThat(tea.medianWeeklyUnits()).isEqualTo(12.0);
            assertThat(tea.expectedWeeklyUnits()).isCloseTo(12.0, org.assertj.core.api.Assertions.within(0.5));
            assertThat(tea.reason()).isEqualTo("sold by 4 of 4 student-area stores and 0 of 1 other similar stores"
                    + " in region east (East China), median 12 units/week (similarity-weighted 12 where stocked)");
        });
    }

    @Test
    void aProductTheStoreCarriesIsNeverRecommended() throws Exception {
        studentRegion();

        List<AssortmentRecommendation> found = engine(3, Map.of()).recommend("s2", 10);

        assertThat(found).extracting(AssortmentRecommendation::gtin).doesNotContain(NOODLES, COLA, TEA, ENERGY, COFFEE);
    }

    @Test
    void moreCarriersRankHigherAndTopLimits() throws Exception {
        studentRegion();
        sells("s4", ENERGY, "Energy drink", 30, 600);
        history.record(recorded(sale("s1", "2026-11-24T12:00:00+08:00", line(1, TEA, "Green tea", "1", 350))));
        sells("s3", COFFEE, "Coffee", 1, 1200);
        sells("s4", COFFEE, "Coffee", 1, 1200);

        List<AssortmentRecommendation> found = engine(3, Map.of()).recommend("s1", 10);
        assertThat(found).extracting(AssortmentRecommendation::gtin).containsExactly(ENERGY, COFFEE);
        assertThat(engine(3, Map.of()).recommend("s1", 1)).extracting(AssortmentRecommendation::gtin)
                .containsExactly(ENERGY);
    }

    @Test
    void storesOfOtherRegionsAreRefusedAndTheFacadeSaysTheRegionIsNotEnabled() throws Exception {
        studentRegion();
        RegionalEngine east = engine(3, Map.of());

        assertThatThrownBy(() -> east.recommend("w1", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store w1 is in region west, not east");
        assertThatThrownBy(() -> east.recommend("nobody", 5)).hasMessage("unknown store \"nobody\"");

        RecommendationsComponent recommendations = new RecommendationsComponent(registry);
        recommendations.bindRegion(east);
        assertThat(recommendations.recommend("s1", 5)).isNotEmpty();
        assertThatThrownBy(() -> recommendations.recommend("w1", 5))
                .isInstanceOf(RecommendNotEnabledException.class)
                .hasMessage("recommend is not enabled in region west");
        assertThatThrownBy(() -> recommendations.suggestPrices("w1", Optional.empty()))
                .hasMessage("recommend is not enabled in region west");
        assertThat(recommendations.enabledRegions()).containsExactly("east");

        recommendations.unbindRegion(east);
        assertThatThrownBy(() -> recommendations.recommend("s1", 5)).hasMessage("recommend is not enabled in region east");
    }

    private void pricedRegion() throws Exception {
        // units at each price: 10 @ 3.00, 20 @ 3.50, 10 @ 4.00, 1 @ 5.00; s1 sells at 2.50
        sells("s2", TEA, "Green tea", 10, 300);
        sells("s3", TEA, "Green tea", 20, 350);
        sells("s4", TEA, "Green tea", 10, 400);
        sells("s5", TEA, "Green tea", 1, 500);
        sells("s1", TEA, "Green tea", 5, 250);
    }

    @Test
    void priceBandIsWeightedByUnitsAndAPriceOutsideItIsFlagged() throws Exception {
        pricedRegion();

        List<PriceSuggestion> suggestions = engine(99, Map.of()).suggestPrices("s1", Optional.of(TEA));

        assertThat(suggestions).singleElement().satisfies(tea -> {
            assertThat(tea.band().p25()).isEqualTo(new Money(350, "CNY"));
            assertThat(tea.band().median()).isEqualTo(new Money(350, "CNY"));
            assertThat(tea.band().p75()).isEqualTo(new Money(400, "CNY"));
            assertThat(tea.band().stores()).isEqualTo(4);
            assertThat(tea.currentPrice()).isEqualTo(new Money(250, "CNY"));
            assertThat(tea.outsideBand()).isTrue();
            assertThat(tea.suggested()).isEqualTo(new Money(350, "CNY"));
            assertThat(tea.elasticity()).isNull();
            assertThat(tea.reason()).startsWith("your price CNY 2.50 is below the band CNY 3.50 - CNY 4.00");
        });
    }

    @Test
    void theSuggestionIsNeverBelowTheKnownWholesaleCost() throws Exception {
        pricedRegion();

        PriceSuggestion configured = engine(99, Map.of(TEA, 380L)).suggestPrices("s1", Optional.of(TEA)).get(0);
        assertThat(configured.suggested()).isEqualTo(new Money(380, "CNY"));
        assertThat(configured.wholesaleCost()).isEqualTo(new Money(380, "CNY"));
        assertThat(configured.reason()).contains("raised to the wholesale cost CNY 3.80");

        // a service knowing a higher cost wins
        costServices.add((store, gtin, currency) -> gtin.equals(TEA) ? OptionalLong.of(420) : OptionalLong.empty());
        PriceSuggestion served = engine(3, Map.of(TEA, 380L)).suggestPrices("s1", Optional.of(TEA)).get(0);
        assertThat(served.suggested().minor()).isGreaterThanOrEqualTo(420);
        assertThat(served.wholesaleCost()).isEqualTo(new Money(420, "CNY"));
    }

    @Test
    void withEnoughDistinctPricesAnElasticityIsShownAndWithoutABandTheStoreKeepsItsPrice() throws Exception {
        pricedRegion();

        PriceSuggestion tea = engine(3, Map.of()).suggestPrices("s1", Optional.of(TEA)).get(0);
        assertThat(tea.elasticity()).isNotNull();
        assertThat(tea.elasticity().distinctPrices()).isEqualTo(5);
        assertThat(tea.elasticity().observations()).isEqualTo(15);

        sells("s1", COLA, "Cola", 10, 300);
        sells("s2", COLA, "Cola", 10, 320);
        List<PriceSuggestion> all = engine(3, Map.of()).suggestPrices("s1", Optional.empty());
        assertThat(all).extracting(PriceSuggestion::gtin).containsExactly(COLA, TEA);
        PriceSuggestion cola = all.get(0);
        assertThat(cola.band()).isNull();
        assertThat(cola.suggested()).isEqualTo(new Money(300, "CNY"));
        assertThat(cola.reason()).startsWith("only 1 similar store sold it in the last 4 weeks (min.stores 3)");
    }

    @Test
    void aProductNobodySoldHasNoSuggestionAndABadGtinIsNamed() throws Exception {
        pricedRegion();

        PriceSuggestion none = engine(3, Map.of()).suggestPrices("s1", Optional.of(COFFEE)).get(0);
        assertThat(none.suggested()).isNull();
        assertThat(none.reason()).isEqualTo("no store of region east sold it in the last 4 weeks");
        assertThatThrownBy(() -> engine(3, Map.of()).suggestPrices("s1", Optional.of("6901234567891")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
    }
}
