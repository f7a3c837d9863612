package org.storelink.benchmarks.baskets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;
import org.storelink.baskets.internal.BasketFiles;
import org.storelink.baskets.internal.FpGrowthMiner;

/**
 * Time of one mining run of the basket-rules bundle: labels to ids, FP-tree, FP-growth, and the rules (the results
 * stay packed, as arules' do; no sorting, no records). Sampled per call, so the report has the median.
 * <ul>
 * <li>{@code groceries}: the Groceries baskets at support 0.001, confidence 0.5, arules' published case (5668 rules;
 * arules {@code apriori}: median 0.023 s on a 2-core machine). The file is
 * {@code <storelink.sharedData>/groceries/groceries.csv}, {@code storelink.sharedData} defaulting to
 * {@code ../shared/data} (right when run from the repository root).</li>
 * <li>{@code dense}: 1000 seeded baskets of 20-30 items out of 40 at support 0.15, confidence 0.5 (74,833 itemsets,
 * 287,772 rules).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BasketRulesBenchmark {

    @Param({"groceries", "dense"})
    public String dataset;

    private List<List<String>> baskets;
    private MiningParameters parameters;
    private final FpGrowthMiner miner = new FpGrowthMiner();

    @Setup
    public void load() throws IOException {
        if (dataset.equals("groceries")) {
            Path file = Path.of(System.getProperty("storelink.sharedData", "../shared/data"), "groceries", "groceries.csv");
            if (!Files.isReadable(file)) {
                throw new IllegalStateException(file.toAbsolutePath() + " is not readable: set -Dstorelink.sharedData");
            }
            baskets = BasketFiles.read(file);
            parameters = MiningParameters.of(0.001, 0.5);
        } else {
            baskets = dense(1000, 40, 20, 30, 20261126L);
            parameters = MiningParameters.of(0.15, 0.5);
        }
    }

    @Benchmark
    public MiningResult mine() {
        return miner.mine(baskets, parameters);
    }

    static List<List<String>> dense(int count, int items, int least, int most, long seed) {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            labels.add("item-" + i);
        }
        List<List<String>> baskets = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<String> shuffled = new ArrayList<>(labels);
            Collections.shuffle(shuffled, random);
            baskets.add(List.copyOf(shuffled.subList(0, least + random.nextInt(most - least + 1))));
        }
        return baskets;
    }
}
