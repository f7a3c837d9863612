package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.storelink.recommend.Elasticity;

class PriceStatisticsTest {

    private static PriceQuartiles.PricePoint point(long price, String units) {
        return new PriceQuartiles.PricePoint(price, new BigDecimal(units));
    }

    @Test
    void quartilesAreWeightedByUnits() {
        // by store the prices are 300, 350, 400, 500 (unweighted quartiles would straddle 350-450);
        // by units, 30 of 41 units sold at 350 or less
        PriceQuartiles band = PriceQuartiles.of(List.of(point(300, "10"), point(350, "20"), point(400, "10"),
                point(500, "1"))).orElseThrow();

        assertThat(band).isEqualTo(new PriceQuartiles(350, 350, 400, 4));
        assertThat(band.contains(250)).isFalse();
        assertThat(band.contains(400)).isTrue();
    }

    @Test
    void quartilesTakeDecimalUnitsAndMergeEqualPrices() {
        PriceQuartiles band = PriceQuartiles.of(List.of(point(1200, "0.25"), point(1000, "0.5"), point(1200, "0.5"),
                point(900, "0.25"), point(0, "5"), point(800, "-1"))).orElseThrow();

        // units by price: 900: 0.25, 1000: 0.5, 1200: 0.75 (total 1.5); free and voided points are left out
        assertThat(band).isEqualTo(new PriceQuartiles(1000, 1000, 1200, 3));
        assertThat(PriceQuartiles.of(List.of(point(0, "1")))).isEmpty();
    }

    @Test
    void elasticityOfExactConstantElasticityDataIsItsExponent() {
        List<ElasticityFit.Observation> observations = new ArrayList<>();
        for (long price = 200; price <= 600; price += 50) {
            observations.add(new ElasticityFit.Observation(price, 1e6 * Math.pow(price, -2.0)));
        }

        Elasticity fit = ElasticityFit.fit(observations, 3).orElseThrow();

        assertThat(fit.slope()).isCloseTo(-2.0, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.observations()).isEqualTo(9);
        assertThat(fit.distinctPrices()).isEqualTo(9);
    }

    @Test
    void elasticityFromNoisyStoreWeeksIsWithinItsStandardErrorOfTheTruth() {
        Random random = new Random(42);
        List<ElasticityFit.Observation> observations = new ArrayList<>();
        for (int storeWeek = 0; storeWeek < 200; storeWeek++) {
            long price = 250 + 10L * random.nextInt(30);
            double units = 5e4 * Math.pow(price, -1.5) * Math.exp(0.2 * random.nextGaussian());
            observations.add(new ElasticityFit.Observation(price, units));
        }

        Elasticity fit = ElasticityFit.fit(observations, 3).orElseThrow();

        assertThat(fit.slope()).isCloseTo(-1.5, within(3 * fit.standardError()));
        assertThat(fit.standardError()).isBetween(0.01, 0.2);
        assertThat(fit.significant()).isTrue();
        assertThat(fit.rSquared()).isBetween(0.3, 1.0);
        assertThat(fit.observations()).isEqualTo(200);
    }

    @Test
    void noElasticityWithTooFewDistinctPrices() {
        List<ElasticityFit.Observation> two = List.of(new ElasticityFit.Observation(300, 10),
                new ElasticityFit.Observation(300, 12), new ElasticityFit.Observation(350, 8),
                new ElasticityFit.Observation(350, 7));

        assertThat(ElasticityFit.fit(two, 3)).isEmpty();
        assertThat(ElasticityFit.fit(two, 2)).isPresent();
    }

    private static PriceAdvisor.Advice advise(PriceQuartiles band, Long current, Long cost, Elasticity elasticity) {
        return PriceAdvisor.advise(band, current == null ? OptionalLong.empty() : OptionalLong.of(current),
                cost == null ? OptionalLong.empty() : OptionalLong.of(cost), elasticity, 4, minor -> "CNY " + minor);
    }

    private static final PriceQuartiles BAND = new PriceQuartiles(300, 350, 400, 5);

    @Test
    void aPriceOutsideTheBandIsPulledToItsNearestQuartileAndANewProductGetsTheMedian() {
        assertThat(advise(BAND, 250L, null, null).suggested()).isEqualTo(300);
        assertThat(advise(BAND, 250L, null, null).reason()).contains("below the band");
        assertThat(advise(BAND, 480L, null, null).suggested()).isEqualTo(400);
        assertThat(advise(BAND, 330L, null, null).suggested()).isEqualTo(330);
        assertThat(advise(BAND, null, null, null).suggested()).isEqualTo(350);
    }

    @Test
    void neverBelowTheWholesaleCost() {
        PriceAdvisor.Advice advice = advise(BAND, 250L, 380L, null);

        assertThat(advice.suggested()).isEqualTo(380);
        assertThat(advice.reason()).contains("raised to the wholesale cost CNY 380");
        // a significant elastic fit pulls to the Lerner price, still never under the cost
        Elasticity elastic = new Elasticity(-6, 0.5, 0.8, 40, 6);
        assertThat(advise(BAND, 350L, 390L, elastic).suggested()).isGreaterThanOrEqualTo(390);
        assertThat(advise(new PriceQuartiles(1, 1, 1, 1), null, null, null).suggested()).isEqualTo(1);
    }

    @Test
    void aSignificantElasticityMovesTheSuggestion() {
        // elastic: cost 200, e = -3 -> 200 * 3 / 2 = 300, within the band
        PriceAdvisor.Advice elastic = advise(BAND, 380L, 200L, new Elasticity(-3, 0.3, 0.7, 30, 5));
        assertThat(elastic.suggested()).isEqualTo(300);
        assertThat(elastic.reason()).contains("profit-maximising price at cost CNY 200 is CNY 300");
        // inelastic: the upper quartile
        assertThat(advise(BAND, 330L, null, new Elasticity(-0.5, 0.1, 0.6, 30, 5)).suggested()).isEqualTo(400);
        // not significant: ignored, and said so
        PriceAdvisor.Advice weak = advise(BAND, 330L, 200L, new Elasticity(-3, 2.5, 0.05, 5, 3));
        assertThat(weak.suggested()).isEqualTo(330);
        assertThat(weak.reason()).contains("not significant");
    }
}
