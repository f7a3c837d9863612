package org.storelink.benchmarks.baskets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JMH JSON of {@link BasketRulesBenchmark} and prints each data set's median time, and for Groceries the
 * ratio to arules' reference time.
 *
 * <pre>BasketRulesReport JMH_JSON ARULES_SECONDS</pre>
 */
public final class BasketRulesReport {

    private BasketRulesReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BasketRulesReport JMH_JSON ARULES_SECONDS");
            System.exit(2);
        }
        double arulesMillis = Double.parseDouble(args[1]) * 1000;
        JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        for (JsonNode run : runs) {
            String dataset = run.path("params").path("dataset").asText("?");
            JsonNode metric = run.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText();
            if (!unit.equals("ms/op")) {
                throw new IllegalStateException("expected ms/op, got " + unit);
            }
            double median = metric.path("scorePercentiles").path("50.0").asDouble();
            double p90 = metric.path("scorePercentiles").path("90.0").asDouble();
            double mean = metric.path("score").asDouble();
            long samples = 0;
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bucket : iteration) {
                        samples += bucket.get(1).asLong();
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "basket-rules %-9s median %8.3f ms  (mean %.3f ms, p90 %.3f ms, %d calls)", dataset, median, mean,
                    p90, samples));
            if (dataset.equals("groceries")) {
                line.append(String.format(Locale.ROOT, "  ratio to arules apriori %.0f ms: %.3f (%.1fx %s)",
                        arulesMillis, median / arulesMillis,
                        median < arulesMillis ? arulesMillis / median : median / arulesMillis,
                        median < arulesMillis ? "faster" : "slower"));
            }
            System.out.println(line);
        }
    }
}
