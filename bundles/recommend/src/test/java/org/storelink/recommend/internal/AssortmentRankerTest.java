package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.storelink.recommend.internal.TestData.units;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssortmentRankerTest {
    private static final StoreMix TARGET = new StoreMix("t", "student", units("A", 10, "B", 5));
    private static final StoreMix S1 = new StoreMix("s1", "student", units("A", 10, "B", 5, "C", 8, "D", 1));
    private static final StoreMix S2 = new StoreMix("s2", "student", units("A", 10, "B", 5, "C", 6));
    private static final StoreMix S3 = new StoreMix("s3", "student", units("A", 5, "B", 10, "C", 4, "E", 20));
    /** Sells exactly what the target sells, but is an office-area store. */
    private static final StoreMix O1 = new StoreMix("o1", "office", units("A", 10, "B", 5, "F", 30));

    @Test
    void storesOfTheSameAreaProfileComeFirstThenTheMostSimilarOthers() {
        AssortmentRanker ranker = new AssortmentRanker(4, 1);

        List<AssortmentRanker.Neighbour> neighbours = ranker.neighbours(TARGET, List.of(O1, S3, S2, S1, TARGET));

        assertThat(neighbours).extracting(n -> n.store().storeId()).containsExactly("s2", "s1", "s3", "o1");
        assertThat(neighbours.get(0).similarity()).isCloseTo(TARGET.cosine(S2), within(1e-12));
        assertThat(new AssortmentRanker(3, 1).neighbours(TARGET, List.of(O1, S3, S2, S1)))
                .extracting(n -> n.store().storeId()).doesNotContain("o1");
    }

    @Test
    void ranksProductsCarriedByEnoughSimilarStoresAndSkipsWhatTheStoreCarries() {
        AssortmentRanker ranker = new AssortmentRanker(3, 2);

        List<AssortmentRanker.Candidate> ranked = ranker.rank(TARGET, List.of(S1, S2, S3, O1), 10);

        // A and B are carried already; D and E are sold by one similar store only; F only by the office store
        assertThat(ranked).singleElement().satisfies(c -> {
            assertThat(c.gtin()).isEqualTo("C");
            double w1 = TARGET.cosine(S1);
            double w2 = TARGET.cosine(S2);
            double w3 = TARGET.cosine(S3);
            assertThat(c.expectedWeeklyUnits()).isCloseTo((8 * w1 + 6 * w2 + 4 * w3) / (w1 + w2 + w3), within(1e-9));
            assertThat(c.score()).isCloseTo(c.expectedWeeklyUnits(), within(1e-9)); // all three carry it
            assertThat(c.medianWeeklyUnits()).isEqualTo(6.0);
            assertThat(c.carriers()).isEqualTo(3);
            assertThat(AssortmentRanker.reason(c, "student", "east")).isEqualTo(
                    "sold by 3 of 3 student-area stores in region east, median 6.0 units/week"
                            + " (similarity-weighted 6.4 where stocked)");
        });
    }

    @Test
    void theScoreCountsSimilarStoresThatDoNotCarryAProductAsZero() {
        // X: 2 of 4 similar stores, 10/week each; Y: 4 of 4, 6/week each -> Y first, though X sells more where stocked
        StoreMix target = new StoreMix("t", "office", units("A", 1));
        List<StoreMix> stores = List.of(
                new StoreMix("n1", "office", units("A", 1, "X", 10, "Y", 6)),
                new StoreMix("n2", "office", units("A", 1, "X", 10, "Y", 6)),
                new StoreMix("n3", "office", units("A", 1, "Y", 6)),
                new StoreMix("n4", "office", units("A", 1, "Y", 6)));

        List<AssortmentRanker.Candidate> ranked = new AssortmentRanker(10, 1).rank(target, stores, 10);
        assertThat(ranked).extracting(AssortmentRanker.Candidate::gtin).containsExactly("Y", "X");
        double[] w = stores.stream().mapToDouble(target::cosine).toArray();
        assertThat(ranked.get(1).score()).isCloseTo((10 * w[0] + 10 * w[1]) / (w[0] + w[1] + w[2] + w[3]),
                within(1e-9));
        assertThat(ranked.get(1).expectedWeeklyUnits()).isCloseTo(10.0, within(1e-9));

        List<AssortmentRanker.Candidate> byMean = new AssortmentRanker(10, 1,
                AssortmentRanker.Ranking.MEAN_AMONG_CARRIERS).rank(target, stores, 10);
        assertThat(byMean).extracting(AssortmentRanker.Candidate::gtin).containsExactly("X", "Y");
    }

    @Test
    void aStoreWithoutSalesGetsEveryStoreOfItsAreaAsEquallySimilar() {
        StoreMix newStore = new StoreMix("new", "student", units());

        List<AssortmentRanker.Candidate> ranked = new AssortmentRanker(3, 3).rank(newStore, List.of(S1, S2, S3, O1), 2);

        // A: 10, 10, 5 -> 8.33; B: 5, 5, 10 -> 6.67; C: 8, 6, 4 -> 6
        assertThat(ranked).extracting(AssortmentRanker.Candidate::gtin).containsExactly("A", "B");
        assertThat(ranked.get(0).score()).isCloseTo(25.0 / 3, within(1e-9));
    }

    @Test
    void reasonNamesOtherSimilarStoresSeparately() {
        AssortmentRanker.Candidate candidate = new AssortmentRanker.Candidate("C", 3, 4, 12, 34 + 5, 40 + 10, 34, 40);

        assertThat(AssortmentRanker.reason(candidate, "student", "east")).startsWith(
                "sold by 34 of 40 student-area stores and 5 of 10 other similar stores in region east, median 12"
                        + " units/week");
    }
}
