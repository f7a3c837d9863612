package org.storelink.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * Load generator for the POS webhook: posts distinct signed sales from {@code C} virtual users (one thread and one
 * request in flight each, over a shared HTTP/1.1 keep-alive client) and measures the latency of the acknowledged
 * (202) ones. Bounded by the sale count and by {@code --max-seconds}; refuses any host that is not loopback.
 *
 * <pre>
 * IngestLoad --url http://localhost:8181 --stores etc/storelink-stores.json --sales 20000 --concurrency 32
 *            [--warmup 2000] [--run-id r1] [--max-seconds 600] [--timeout-seconds 30] [--print-sample]
 * </pre>
 *
 * Prints {@code ingest: sales=N concurrency=C ok=.. failed=.. elapsed_s=.. sales_per_s=.. p50_ms=.. p99_ms=..}
 * and a {@code failures:} line; exits 0 when every sale was acknowledged, 1 otherwise, 2 on bad arguments.
 */
public final class IngestLoad {

    static final String SALES_PATH = "/storelink/api/v1/stores/%s/sales";
    static final String SIGNATURE_HEADER = "X-Storelink-Signature";
    private static final int MAX_FAILURE_SAMPLES = 3;

    record Options(URI url, String stores, long sales, int concurrency, long warmup, String runId,
                   long maxSeconds, long timeoutSeconds, boolean printSample) {
    }

    /** What one phase did: acknowledged and failed counts, failures by kind, latencies of acknowledged sales. */
    record Result(long ok, long failed, Map<String, Long> failures, Histogram latencyMicros, long elapsedNanos,
                  boolean timedOut) {

        double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }

        double perSecond() {
            return elapsedNanos == 0 ? 0 : ok / elapsedSeconds();
        }
    }

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("IngestLoad: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        List<StoreList.Store> stores = StoreList.load(options.stores());
        SaleGenerator generator = new SaleGenerator(stores, options.runId());
        if (options.printSample()) {
            System.out.println(SaleGenerator.utf8(generator.sale(0).body()));
            return;
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(options.maxSeconds()).toNanos();
        System.out.printf(Locale.ROOT, "IngestLoad: run %s, %d stores, %d warm-up + %d sales, %d virtual users, %s%n",
                options.runId(), stores.size(), options.warmup(), options.sales(), options.concurrency(),
                options.url());

        if (options.warmup() > 0) {
            Result warm = run(client, generator, options, 0, options.warmup(), deadline);
            System.out.printf(Locale.ROOT, "warmup: sales=%d ok=%d failed=%d elapsed_s=%.2f sales_per_s=%.1f%n",
                    options.warmup(), warm.ok(), warm.failed(), warm.elapsedSeconds(), warm.perSecond());
        }
        Result result = run(client, generator, options, options.warmup(), options.sales(), deadline);
        Histogram latency = result.latencyMicros();
        System.out.printf(Locale.ROOT,
                "ingest: sales=%d concurrency=%d ok=%d failed=%d elapsed_s=%.2f sales_per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                options.sales(), options.concurrency(), result.ok(), result.failed(), result.elapsedSeconds(),
                result.perSecond(), millis(latency, 50), millis(latency, 99));
        System.out.printf(Locale.ROOT, "latency_ms: min=%.2f p90=%.2f p99.9=%.2f max=%.2f mean=%.2f%n",
                latency.getTotalCount() == 0 ? 0 : latency.getMinValue() / 1000.0, millis(latency, 90),
                millis(latency, 99.9), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0,
                latency.getTotalCount() == 0 ? 0 : latency.getMean() / 1000.0);
        System.out.println("failures: " + describe(result.failures())
                + (result.timedOut() ? " (stopped by --max-seconds " + options.maxSeconds() + ")" : ""));
        System.exit(result.ok() == options.sales() ? 0 : 1);
    }

    /**
     * Posts sales {@code from .. from+count-1} with {@code options.concurrency()} virtual users and waits for all.
     */
    static Result run(HttpClient client, SaleGenerator generator, Options options, long from, long count,
                      long deadlineNanos) throws InterruptedException {
        AtomicLong next = new AtomicLong(from);
        long end = from + count;
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean timedOut = new AtomicBoolean();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> users = new ArrayList<>();

        long started = System.nanoTime();
        for (int u = 0; u < options.concurrency(); u++) {
            Histogram histogram = new Histogram(3);
            histograms.add(histogram);
            Thread user = new Thread(() -> {
                long index;
                while ((index = next.getAndIncrement()) < end) {
                    long remaining = deadlineNanos - System.nanoTime();
                    if (remaining <= 0) {
                        timedOut.set(true);
                        return;
                    }
                    SaleGenerator.SignedSale sale = generator.sale(index);
                    HttpRequest request = HttpRequest.newBuilder(
                                    options.url().resolve(String.format(SALES_PATH, sale.storeId())))
                            .timeout(Duration.ofNanos(Math.min(remaining,
                                    Duration.ofSeconds(options.timeoutSeconds()).toNanos())))
                            .header("Content-Type", "application/json")
                            .header(SIGNATURE_HEADER, sale.signature())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(sale.body()))
                            .build();
                    long sent = System.nanoTime();
                    String failure;
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long micros = (System.nanoTime() - sent) / 1_000;
                        if (response.statusCode() == 202) {
                            histogram.recordValue(Math.max(1, micros));
                            ok.increment();
                            continue;
                        }
                        failure = "status_" + response.statusCode();
                        if (samples.size() < MAX_FAILURE_SAMPLES) {
                            samples.add(failure + " " + sale.storeId() + "/" + sale.receiptNo() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        failure = e.getClass().getSimpleName();
                        if (samples.size() < MAX_FAILURE_SAMPLES) {
                            samples.add(failure + " " + sale.storeId() + "/" + sale.receiptNo() + ": " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    failed.increment();
                    failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
                }
            }, "vu-" + u);
            user.setDaemon(true);
            users.add(user);
            user.start();
        }
        for (Thread user : users) {
            user.join();
        }
        long elapsed = System.nanoTime() - started;
        for (String sample : samples) {
            System.err.println("IngestLoad: failed: " + sample);
        }
        Histogram merged = new Histogram(3);
        for (Histogram histogram : histograms) {
            merged.add(histogram);
        }
        Map<String, Long> byKind = new TreeMap<>();
        failures.forEach((kind, n) -> byKind.put(kind, n.sum()));
        return new Result(ok.sum(), failed.sum(), byKind, merged, elapsed, timedOut.get());
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    static String describe(Map<String, Long> failures) {
        if (failures.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        failures.forEach((kind, n) -> text.append(text.length() == 0 ? "" : " ").append(kind).append('=').append(n));
        return text.toString();
    }

    static Options parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        boolean printSample = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--print-sample")) {
                printSample = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("usage");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            if (!List.of("url", "stores", "sales", "concurrency", "warmup", "run-id", "max-seconds",
                    "timeout-seconds").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, value);
        }
        URI url = URI.create(values.getOrDefault("url", "http://localhost:8181"));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be http(s): " + url);
        }
        Loopback.require(url, "--url");
        String stores = values.get("stores");
        if (stores == null) {
            throw new IllegalArgumentException("--stores is required");
        }
        long sales = positive(values, "sales", "20000");
        long concurrency = positive(values, "concurrency", "32");
        if (concurrency > 1024) {
            throw new IllegalArgumentException("--concurrency must be at most 1024");
        }
        long warmup = Long.parseLong(values.getOrDefault("warmup", "0"));
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        String runId = values.getOrDefault("run-id", "r" + Long.toString(System.currentTimeMillis(), 36));
        if (!SaleGenerator.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("--run-id must match " + SaleGenerator.RUN_ID.pattern());
        }
        long maxSeconds = positive(values, "max-seconds", "600");
        long timeoutSeconds = positive(values, "timeout-seconds", "30");
        String base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1)
                : url.toString();
        return new Options(URI.create(base), stores, sales, (int) concurrency, warmup, runId, maxSeconds,
                timeoutSeconds, printSample);
    }

    private static long positive(Map<String, String> values, String name, String fallback) {
        long value;
        try {
            value = Long.parseLong(values.getOrDefault(name, fallback));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }

    static String usage() {
        return "usage: IngestLoad --url http://localhost:8181 --stores FILE_OR_URL --sales N --concurrency C"
                + " [--warmup W] [--run-id X] [--max-seconds 600] [--timeout-seconds 30] [--print-sample]";
    }
}
