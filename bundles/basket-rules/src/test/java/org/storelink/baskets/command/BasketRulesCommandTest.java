package org.storelink.baskets.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storelink.baskets.BasketSource;
import org.storelink.baskets.internal.FpGrowthMiner;

class BasketRulesCommandTest {

    @TempDir
    Path dir;

    private Path baskets;
    private BasketRulesCommand command;

    @BeforeEach
    void setUp() throws IOException {
        baskets = dir.resolve("baskets.csv");
        Files.writeString(baskets, "milk,bread\nmilk,bread,butter\nmilk\nbread,butter\nmilk,bread\n");
        command = new BasketRulesCommand();
        command.miner = new FpGrowthMiner();
        command.file = baskets.toString();
        command.minSupport = "0.4";
        command.minConfidence = "0.5";
    }

    @Test
    void printsTheTopRulesByLiftAndASummary() throws IOException {
        command.top = "2";
        String printed = run();
        assertThat(printed).contains("Rules by lift: 2 of ").contains("LHS").contains("Lift");
        assertThat(printed).contains("{butter}").contains("{bread}");
        assertThat(printed.lines().reduce((a, b) -> b).orElseThrow())
                .matches("Baskets: 5   Items: 3   Min count: 2   Frequent itemsets: 5   Rules: \\d+   Time: \\d+ ms");
    }

    @Test
    void writesEveryRuleToTheCsvFile() throws IOException {
        Path out = dir.resolve("rules.csv");
        command.out = out.toString();
        String printed = run();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\"lhs\",\"rhs\",\"support\",\"confidence\",\"lift\",\"count\"");
        assertThat(lines).contains("\"{butter}\",\"{bread}\",0.4,1,1.25,2", "\"{}\",\"{milk}\",0.8,0.8,1,4");
        assertThat(printed).contains("Wrote " + (lines.size() - 1) + " rules to " + out);
    }

    @Test
    void rNumbersOption() throws IOException {
        Path out = dir.resolve("rules.csv");
        command.out = out.toString();
        Files.writeString(baskets, "a,b\na,b\na\n");
        command.minConfidence = "0.6";
        command.rNumbers = true;
        run();
        assertThat(Files.readAllLines(out)).contains("\"{a}\",\"{b}\",0.666666666666667,0.666666666666667,1,2");
        command.rNumbers = false;
        run();
        assertThat(Files.readAllLines(out)).contains("\"{a}\",\"{b}\",0.6666666666666666,0.6666666666666666,1,2");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--min-support, abc, '--min-support: \"abc\" is not a number'",
            "--min-support, 0, '--min-support: must be more than 0 and at most 1'",
            "--min-support, 1.5, '--min-support: must be more than 0 and at most 1'",
            "--min-support, -0.1, '--min-support: must be more than 0 and at most 1'",
            "--min-confidence, x, '--min-confidence: \"x\" is not a number'",
            "--min-confidence, 1.01, '--min-confidence: must be between 0 and 1'",
            "--max-length, 0, '--max-length: \"0\" is not a whole number of at least 1'",
            "--max-length, ten, '--max-length: \"ten\" is not a whole number of at least 1'",
            "--top, -1, '--top: \"-1\" is not a whole number of at least 0'",
    })
    void badOptionsAreNamed(String option, String value, String message) {
        switch (option) {
            case "--min-support" -> command.minSupport = value;
            case "--min-confidence" -> command.minConfidence = value;
            case "--max-length" -> command.maxLength = value;
            case "--top" -> command.top = value;
            default -> throw new IllegalArgumentException(option);
        }
        assertThatThrownBy(this::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void missingThresholdsAreNamed() {
        command.minSupport = null;
        assertThatThrownBy(this::run).hasMessage("--min-support is required with --file");
        command.minSupport = "0.1";
        command.minConfidence = null;
        assertThatThrownBy(this::run).hasMessage("--min-confidence is required with --file");
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        command.file = dir.resolve("missing.csv").toString();
        assertThatThrownBy(this::run).hasMessage("--file: cannot read " + command.file + ": no such file");
        command.file = dir.toString();
        assertThatThrownBy(this::run).hasMessageStartingWith("--file: cannot read " + dir);
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        command.file = latin1.toString();
        assertThatThrownBy(this::run).hasMessage("--file: cannot read " + latin1 + ": not UTF-8 text");
    }

    @Test
    void anUnwritableOutFileIsNamedBeforeMining() {
        command.out = dir.resolve("no-such-folder").resolve("rules.csv").toString();
        assertThatThrownBy(this::run).hasMessageStartingWith("--out: cannot write ").hasMessageContaining("does not exist");
    }

    @Test
    void aFileOrAStoreButNotBoth() {
        command.storeOrRegion = "sh-campus-001";
        assertThatThrownBy(this::run).hasMessage("give either --file or a store or region, not both");
        command.storeOrRegion = null;
        command.file = null;
        assertThatThrownBy(this::run).hasMessageStartingWith("give --file PATH, or a store or region");
    }

    @Test
    void aStoreNeedsABasketSource() {
        command.file = null;
        command.storeOrRegion = "sh-campus-001";
        assertThatThrownBy(this::run).hasMessageStartingWith("no basket source is installed")
                .hasMessageContaining("sh-campus-001");
    }

    @Test
    void aStoreIsMinedFromTheBasketSourceWithItsDays() throws IOException {
        List<Object> asked = new ArrayList<>();
        BasketSource source = (storeOrRegion, from, to) -> {
            asked.addAll(List.of(storeOrRegion, from, to));
            return storeOrRegion.equals("east")
                    ? Optional.of(List.of(List.of("tea", "milk"), List.of("tea", "milk"), List.of("tea")))
                    : Optional.empty();
        };
        command.source = source;
        command.file = null;
        command.storeOrRegion = "east";
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        String printed = run();
        assertThat(asked).containsExactly("east", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(printed).contains("{milk}").contains("{tea}").contains("Baskets: 3   Items: 2");

        command.storeOrRegion = "atlantis";
        assertThatThrownBy(this::run).hasMessage("unknown store or region: \"atlantis\"");
        command.storeOrRegion = "east";
        command.from = "2026-12-01";
        assertThatThrownBy(this::run).hasMessage("--from 2026-12-01 is after --to 2026-11-30");
        command.from = "1 Nov";
        assertThatThrownBy(this::run).hasMessage("--from: \"1 Nov\" is not a date YYYY-MM-DD");
    }

    @Test
    void aStoreOrRegionHasDefaultThresholds() throws IOException {
        // 100 baskets: tea+milk in 40, tea alone in 20, bread alone in 40. At 0.01 and 0.5: {milk}=>{tea} (1.0),
        // {tea}=>{milk} (40/60) and, as arules, {}=>{tea} (0.6); nothing with bread (0.4).
        List<List<String>> baskets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            baskets.add(List.of("tea", "milk"));
            baskets.add(List.of("bread"));
        }
        for (int i = 0; i < 20; i++) {
            baskets.add(List.of("tea"));
        }
        command.source = (storeOrRegion, from, to) -> Optional.of(baskets);
        command.file = null;
        command.storeOrRegion = "east";
        command.minSupport = null;
        command.minConfidence = null;

        String printed = run();

        assertThat(printed).contains("{milk}").contains("{tea}").doesNotContain("{bread}")
                .contains("Min count: 1 ").contains("Rules: 3");
    }

    @Test
    void daysApplyOnlyToAStore() {
        command.from = "2026-11-01";
        assertThatThrownBy(this::run).hasMessage("--from and --to apply to a store or region, not to --file");
    }

    @Test
    void saysSoWhenNoRuleReachesTheThresholds() throws IOException {
        command.minSupport = "1";
        command.minConfidence = "1";
        assertThat(run()).contains("No rules reach these thresholds.");
    }

    // The baskets file: milk 4, bread 4, butter 2 of 5 baskets; milk+bread 3, bread+butter 2, milk+butter 1.
    // {butter} => {bread}: 2/2, lift 2x5/(2x4) = 1.25; {milk} => {bread}: 3/4, lift 3x5/(4x4) = 0.9375.

    @Test
    void crossSellPrintsTheSuggestionsInsteadOfTheRules() throws IOException {
        command.crossSell = "butter";
        String printed = run();
        assertThat(printed.lines().toList()).containsExactly(
                "Cross-sell with \"butter\" (in 2 of 5 baskets), by lift: 1 of 1",
                "Offer | Why",
                "------+-----------------------------------------------------------------",
                "bread | bought in 100% of the baskets with butter (lift 1.25, 2 baskets)",
                printed.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(printed).doesNotContain("Rules by lift");
        assertThat(printed.lines().reduce((a, b) -> b).orElseThrow())
                .matches("Baskets: 5   Items: 3   Min count: 2   Frequent itemsets: 5   Rules: \\d+   Time: \\d+ ms");
    }

    @Test
    void crossSellSaysSoWhenTheProductHasNoRule() throws IOException {
        command.crossSell = "milk"; // its one rule has lift 0.9375
        assertThat(run()).startsWith("No cross-sell for \"milk\" (in 4 of 5 baskets): no rule with it on the"
                + " left-hand side and lift above 1 reaches these thresholds.");
    }

    @Test
    void crossSellOfAProductNoBasketHolds() {
        command.crossSell = "jam";
        assertThatThrownBy(this::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no basket contains \"jam\"");
        command.crossSell = "Milk ";
        assertThatThrownBy(this::run)
                .hasMessage("no basket contains \"Milk \"; labels are matched exactly: did you mean \"milk\"?");
    }

    @Test
    void adjacencyPrintsThePairsWithLiftAboveOne() throws IOException {
        command.adjacency = true;
        String printed = run();
        // milk+bread (lift 0.9375) is left out
        assertThat(printed.lines().toList()).containsExactly(
                "Shelf adjacency by lift: 1 of 1 pairs with lift above 1",
                "A     | B      | Support | A => B | B => A |  Lift | Count",
                "------+--------+---------+--------+--------+-------+------",
                "bread | butter | 0.40000 |  0.500 |  1.000 | 1.250 |     2",
                printed.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void adjacencyHonoursTop() throws IOException {
        // 6 baskets, support 2: a+b 3 (lift 3x6/(3x3) = 2), c+d 2 (lift 2x6/(2x3) = 2): a tie, a+b has the larger count
        Files.writeString(baskets, "a,b\na,b\na,b\nc,d\nc,d\nd\n");
        command.minSupport = "0.3";
        command.adjacency = true;
        command.top = "1";
        String printed = run();
        assertThat(printed).contains("Shelf adjacency by lift: 1 of 2 pairs with lift above 1")
                .contains("\na | b | 0.50000 |  1.000 |  1.000 | 2.000 |     3\n").doesNotContain("\nc | d");
        command.top = "0";
        assertThat(run()).contains("Shelf adjacency by lift: 0 of 2 pairs").doesNotContain("\na | b");
        command.top = null;
        command.maxLength = "1";
        assertThat(run()).contains("No shelf adjacency: no frequent pair of products has lift above 1 at this support.");
    }

    @Test
    void crossSellAndAdjacencyTogetherAndWithOut() throws IOException {
        Path out = dir.resolve("rules.csv");
        command.out = out.toString();
        command.crossSell = "butter";
        command.adjacency = true;
        String printed = run();
        assertThat(printed).startsWith("Wrote ").contains("Cross-sell with \"butter\"")
                .contains("Shelf adjacency by lift: 1 of 1").doesNotContain("Rules by lift");
        assertThat(printed.indexOf("Cross-sell")).isLessThan(printed.indexOf("Shelf adjacency"));
        assertThat(Files.readAllLines(out)).contains("\"{butter}\",\"{bread}\",0.4,1,1.25,2");
    }

    @Test
    void crossSellAndAdjacencyForAStoreOrRegion() throws IOException {
        command.source = (storeOrRegion, from, to) -> Optional.of(List.of(List.of("tea", "honey"),
                List.of("tea", "honey"), List.of("tea"), List.of("milk"), List.of("milk")));
        command.file = null;
        command.storeOrRegion = "east";
        command.crossSell = "tea";
        command.adjacency = true;
        // {tea} => {honey}: 2/3, lift 2x5/(3x2) = 1.67
        String printed = run();
        assertThat(printed).contains("Cross-sell with \"tea\" (in 3 of 5 baskets), by lift: 1 of 1")
                .contains("honey | bought in 67% of the baskets with tea (lift 1.67, 2 baskets)")
                .contains("\ntea | honey | 0.40000 |  0.667 |  1.000 | 1.667 |     2\n");
        command.crossSell = "coffee";
        assertThatThrownBy(this::run).hasMessage("no basket contains \"coffee\"");
    }

    @Test
    void withoutTheNewOptionsTheRulesAreListedAsBefore() throws IOException {
        String printed = run();
        assertThat(printed.lines().toList().subList(0, 3)).containsExactly(
                "Rules by lift: 6 of 6",
                "LHS      | RHS      | Support | Confidence |  Lift | Count",
                "---------+----------+---------+------------+-------+------");
        assertThat(printed).doesNotContain("Cross-sell").doesNotContain("adjacency");
    }

    private String run() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.run(console);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
