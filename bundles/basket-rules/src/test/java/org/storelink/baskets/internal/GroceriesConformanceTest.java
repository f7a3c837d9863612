package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.baskets.AssociationRule;
import org.storelink.baskets.FrequentItemset;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;

/**
 * The Groceries data set against arules' own answers (apriori rules, eclat itemsets at support 0.001), read from the
 * shared data folder given by the system property {@code storelink.sharedData}.
 */
class GroceriesConformanceTest {

    private static Path groceries;
    private static List<List<String>> baskets;
    private static MiningResult result;

    private static String missing;

    @BeforeAll
    static void mineGroceries() throws IOException {
        String shared = System.getProperty("storelink.sharedData");
        groceries = shared == null ? null : Path.of(shared, "groceries");
        for (String name : List.of("groceries.csv", "groceries_rules_s0.001_c0.5.csv", "groceries_itemsets_s0.001.csv")) {
            if (groceries == null || !Files.isRegularFile(groceries.resolve(name))) {
                missing = "Groceries reference data not found (" + (groceries == null ? "storelink.sharedData is not set"
                        : groceries.resolve(name) + " is missing") + "; set -Dstorelink.sharedData to the shared data"
                        + " folder): skipping the arules conformance test";
                return;
            }
        }
        baskets = BasketFiles.read(groceries.resolve("groceries.csv"));
        result = new FpGrowthMiner().mine(baskets, MiningParameters.of(0.001, 0.5));
    }

    @BeforeEach
    void needsTheData() {
        assumeTrue(missing == null, missing);
    }

    @Test
    void supportRoundsUpToTenBaskets() {
        assertThat(baskets).hasSize(9835);
        assertThat(result.baskets()).isEqualTo(9835);
        assertThat(result.distinctItems()).isEqualTo(169);
        assertThat(result.minCount()).isEqualTo(10);
    }

    @Test
    void labelsEndingInASpaceAreKept() {
        Set<String> labels = new HashSet<>();
        baskets.forEach(labels::addAll);
        assertThat(labels).contains("cream cheese ", "roll products ").doesNotContain("cream cheese", "roll products");
    }

    @Test
    void frequentItemsetsAreArules() throws IOException {
        List<List<String>> reference = csv("groceries_itemsets_s0.001.csv");
        assertThat(reference.get(0)).containsExactly("itemset", "support", "count");
        Map<String, List<String>> expected = new HashMap<>();
        reference.subList(1, reference.size()).forEach(row -> expected.put(row.get(0), row));
        assertThat(expected).hasSize(13492);

        Map<String, FrequentItemset> actual = new HashMap<>();
        for (FrequentItemset itemset : result.itemsets()) {
            // the label string as arules writes it, so the order of the items is checked too
            actual.put(RulesCsv.itemset(itemset.items()), itemset);
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((label, row) -> {
            FrequentItemset itemset = actual.get(label);
            assertThat(itemset.count()).as(label).isEqualTo(Integer.parseInt(row.get(2)));
            assertThat(itemset.support()).as(label).isCloseTo(Double.parseDouble(row.get(1)), within(1e-9));
        });
    }

    @Test
    void rulesAreArules() throws IOException {
        List<List<String>> reference = csv("groceries_rules_s0.001_c0.5.csv");
        assertThat(reference.get(0)).containsExactly("lhs", "rhs", "support", "confidence", "lift", "count");
        Map<String, List<String>> expected = new HashMap<>();
        reference.subList(1, reference.size()).forEach(row -> expected.put(row.get(0) + " => " + row.get(1), row));
        assertThat(expected).hasSize(5668);

        Map<String, AssociationRule> actual = new HashMap<>();
        for (AssociationRule rule : result.rules()) {
            actual.put(RulesCsv.itemset(rule.lhs()) + " => " + RulesCsv.itemset(List.of(rule.rhs())), rule);
        }
        assertThat(result.rules()).hasSize(5668);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, row) -> {
            AssociationRule rule = actual.get(key);
            assertThat(rule.support()).as(key).isCloseTo(Double.parseDouble(row.get(2)), within(1e-9));
            assertThat(rule.confidence()).as(key).isCloseTo(Double.parseDouble(row.get(3)), within(1e-9));
            assertThat(rule.lift()).as(key).isCloseTo(Double.parseDouble(row.get(4)), within(1e-9));
            assertThat(rule.count()).as(key).isEqualTo(Integer.parseInt(row.get(5)));
        });
    }

    @Test
    void csvInRNumberStyleHasTheReferenceLines() throws IOException {
        StringWriter out = new StringWriter();
        RulesCsv.write(out, result.rules(), NumberStyle.R);
        List<String> ours = out.toString().lines().toList();
        List<String> theirs = Files.readAllLines(groceries.resolve("groceries_rules_s0.001_c0.5.csv"),
                StandardCharsets.UTF_8);
        assertThat(ours.get(0)).isEqualTo(theirs.get(0));
        // same lines byte for byte; only the order of the rules differs (ours: by lift)
        assertThat(new HashSet<>(ours)).isEqualTo(new HashSet<>(theirs));
        assertThat(ours).hasSameSizeAs(theirs);
    }

    private static List<List<String>> csv(String name) throws IOException {
        return Csv.parse(Files.readString(groceries.resolve(name), StandardCharsets.UTF_8));
    }
}
