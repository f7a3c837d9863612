package org.storelink.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
import java.util.function.LongUnaryOperator;

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
 *
 * <p>For the crash test (see {@link SaleLedgerFile}):
 * <pre>
 * IngestLoad ... --sales 20000 --ledger-file first.tsv [--base-time 2026-11-26T13:00:00Z]
 *            [--pause-on-error-ms 3000] [--progress-file progress.txt] [--rate 100]
 * IngestLoad ... --resend first.tsv --ledger-file round1.tsv     # posts again every sale not acked in first.tsv
 * IngestLoad --stores ... --expect round1.tsv [--summary sales-summary.txt]
 * </pre>
 * {@code --ledger-file} records every sale's outcome; the sales are dated from a fixed base time (default: the
 * start of the run) so that a resend regenerates them byte for byte. A failed POST (refused or reset connection,
 * time-out, any status but 202) is recorded as failed and not retried within the run; with
 * {@code --pause-on-error-ms} the virtual user that saw it backs off (250 ms, doubling up to that limit, until its
 * next 202) so that a dead server does not burn through the remaining sales; {@code --rate} paces the posting (sales
 * per second over all virtual users, 0 = no limit). {@code --resend} posts exactly the
 * failed and unsent sales of a ledger file (run id, base time and count from its header) and writes the updated
 * file. {@code --expect} prints the ledger totals that the run's sales must produce and, with {@code --summary},
 * compares them with a saved {@code storelink:sales-summary --top 100} output (exit 1 on any difference).
 */
public final class IngestLoad {

    static final String SALES_PATH = "/storelink/api/v1/stores/%s/sales";
    static final String SIGNATURE_HEADER = "X-Storelink-Signature";
    private static final int MAX_FAILURE_SAMPLES = 3;

    record Options(URI url, String stores, long sales, int concurrency, long warmup, String runId,
                   long maxSeconds, long timeoutSeconds, boolean printSample, Path ledgerFile, Path resend,
                   Path expect, Path summary, Instant baseTime, long pauseOnErrorMillis, Path progressFile,
                   double rate) {

        Options(URI url, String stores, long sales, int concurrency, long warmup, String runId, long maxSeconds,
                long timeoutSeconds, boolean printSample) {
            this(url, stores, sales, concurrency, warmup, runId, maxSeconds, timeoutSeconds, printSample, null, null,
                    null, null, null, 0, null, 0);
        }
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
        if (options.expect() != null) {
            System.exit(expect(options, stores));
            return;
        }
        if (options.resend() != null) {
            System.exit(resend(options, stores));
            return;
        }
        Instant base = options.baseTime() != null ? options.baseTime()
                : options.ledgerFile() != null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : null;
        SaleGenerator generator = new SaleGenerator(stores, options.runId(), base);
        if (options.printSample()) {
            System.out.println(SaleGenerator.utf8(generator.sale(0).body()));
            return;
        }
        HttpClient client = client();
        long deadline = System.nanoTime() + Duration.ofSeconds(options.maxSeconds()).toNanos();
        System.out.printf(Locale.ROOT, "IngestLoad: run %s, %d stores, %d warm-up + %d sales, %d virtual users, %s%n",
                options.runId(), stores.size(), options.warmup(), options.sales(), options.concurrency(),
                options.url());
        if (options.ledgerFile() != null) {
            System.exit(firstPosting(client, generator, options, stores.size(), deadline));
            return;
        }

        if (options.warmup() > 0) {
            Result warm = run(client, generator, options, 0, options.warmup(), deadline);
            System.out.printf(Locale.ROOT, "warmup: sales=%d ok=%d failed=%d elapsed_s=%.2f sales_per_s=%.1f%n",
                    options.warmup(), warm.ok(), warm.failed(), warm.elapsedSeconds(), warm.perSecond());
        }
        Result result = run(client, generator, options, options.warmup(), options.sales(), deadline);
        printResult(options, options.sales(), result);
        System.exit(result.ok() == options.sales() ? 0 : 1);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static void printResult(Options options, long sales, Result result) {
        Histogram latency = result.latencyMicros();
        System.out.printf(Locale.ROOT,
                "ingest: sales=%d concurrency=%d ok=%d failed=%d elapsed_s=%.2f sales_per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                sales, options.concurrency(), result.ok(), result.failed(), result.elapsedSeconds(),
                result.perSecond(), millis(latency, 50), millis(latency, 99));
        System.out.printf(Locale.ROOT, "latency_ms: min=%.2f p90=%.2f p99.9=%.2f max=%.2f mean=%.2f%n",
                latency.getTotalCount() == 0 ? 0 : latency.getMinValue() / 1000.0, millis(latency, 90),
                millis(latency, 99.9), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0,
                latency.getTotalCount() == 0 ? 0 : latency.getMean() / 1000.0);
        System.out.println("failures: " + describe(result.failures())
                + (result.timedOut() ? " (stopped by --max-seconds " + options.maxSeconds() + ")" : ""));
    }

    /** The crash test's first posting: sales 0 .. N-1, every outcome written to the ledger file. */
    private static int firstPosting(HttpClient client, SaleGenerator generator, Options options, int stores,
                                    long deadline) throws Exception {
        System.out.println("ledger-file: " + options.ledgerFile() + " base-time=" + generator.baseTime());
        SaleLedgerFile.Outcomes outcomes = new SaleLedgerFile.Outcomes((int) options.sales());
        Result result = run(client, generator, options, position -> position, options.sales(), deadline, outcomes);
        printResult(options, options.sales(), result);
        SaleLedgerFile file = SaleLedgerFile.first(generator, options.sales(), stores, outcomes);
        file.write(options.ledgerFile());
        System.out.printf(Locale.ROOT, "ledger-file: round=0 acked=%d failed=%d unsent=%d%n",
                file.count(SaleLedgerFile.Outcome.ACKED), file.count(SaleLedgerFile.Outcome.FAILED),
                file.count(SaleLedgerFile.Outcome.UNSENT));
        return file.pending().isEmpty() ? 0 : 1;
    }

    /** Posts every sale of a ledger file that was not acknowledged, and writes the file's next round. */
    private static int resend(Options options, List<StoreList.Store> stores) throws Exception {
        SaleLedgerFile before = SaleLedgerFile.read(options.resend());
        SaleLedgerFile.Header header = before.header();
        if (header.stores() != stores.size()) {
            throw new IllegalArgumentException(options.resend() + " was written for " + header.stores()
                    + " stores, the stores file has " + stores.size());
        }
        SaleGenerator generator = new SaleGenerator(stores, header.runId(), header.baseTime());
        List<SaleLedgerFile.Entry> pending = before.pending();
        for (SaleLedgerFile.Entry entry : pending) {
            String regenerated = generator.sale(entry.index()).saleId();
            if (!regenerated.equals(entry.saleId())) {
                throw new IllegalStateException("sale " + entry.index() + " regenerates as " + regenerated
                        + ", the file says " + entry.saleId() + ": other stores file?");
            }
        }
        int round = header.round() + 1;
        System.out.printf(Locale.ROOT, "IngestLoad: resend round %d of run %s: %d of %d sales not acknowledged, "
                        + "%d virtual users, %s%n", round, header.runId(), pending.size(), header.sales(),
                options.concurrency(), options.url());
        SaleLedgerFile.Outcomes outcomes = new SaleLedgerFile.Outcomes(pending.size());
        Result result = new Result(0, 0, Map.of(), new Histogram(3), 0, false);
        if (!pending.isEmpty()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(options.maxSeconds()).toNanos();
            result = run(client(), generator, options, position -> pending.get((int) position).index(),
                    pending.size(), deadline, outcomes);
        }
        printResult(options, pending.size(), result);
        SaleLedgerFile after = before.afterResend(pending, outcomes);
        after.write(options.ledgerFile() != null ? options.ledgerFile() : options.resend());
        System.out.printf(Locale.ROOT, "ledger-file: round=%d posted=%d acked=%d failed=%d unsent=%d%n", round,
                outcomes.ok.sum() + outcomes.failed.sum(),
                after.count(SaleLedgerFile.Outcome.ACKED), after.count(SaleLedgerFile.Outcome.FAILED),
                after.count(SaleLedgerFile.Outcome.UNSENT));
        return after.pending().isEmpty() ? 0 : 1;
    }

    /** Prints the ledger totals a ledger file's sales must give, and compares a saved sales summary with them. */
    private static int expect(Options options, List<StoreList.Store> stores) throws IOException {
        SaleLedgerFile file = SaleLedgerFile.read(options.expect());
        SaleLedgerFile.Header header = file.header();
        SaleGenerator generator = new SaleGenerator(stores, header.runId(), header.baseTime());
        ExpectedTotals totals = ExpectedTotals.of(generator, header.sales());
        totals.describe().forEach(System.out::println);
        if (options.summary() == null) {
            return 0;
        }
        List<String> problems = totals.compare(Files.readString(options.summary(), StandardCharsets.UTF_8));
        problems.forEach(problem -> System.out.println("mismatch: " + problem));
        System.out.println("check: " + (problems.isEmpty() ? "ledger matches (sales, revenue, every product)"
                : problems.size() + " differences"));
        return problems.isEmpty() ? 0 : 1;
    }

    /**
     * Posts sales {@code from .. from+count-1} with {@code options.concurrency()} virtual users and waits for all.
     */
    static Result run(HttpClient client, SaleGenerator generator, Options options, long from, long count,
                      long deadlineNanos) throws InterruptedException {
        return run(client, generator, options, position -> from + position, count, deadlineNanos, null);
    }

    /**
     * Posts {@code count} sales, the one at position {@code p} being sale {@code indexAt(p)}; records each outcome
     * by position in {@code outcomes} when given, and writes {@code --progress-file} while it runs.
     */
    static Result run(HttpClient client, SaleGenerator generator, Options options, LongUnaryOperator indexAt,
                      long count, long deadlineNanos, SaleLedgerFile.Outcomes outcomes) throws InterruptedException {
        AtomicLong next = new AtomicLong(0);
        long end = count;
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean timedOut = new AtomicBoolean();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> users = new ArrayList<>();

        long started = System.nanoTime();
        AtomicBoolean finished = new AtomicBoolean();
        // --rate: one shared schedule of send slots, 1/rate apart; a slot missed (server down) is not made up later
        long interval = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
        AtomicLong nextSlot = new AtomicLong(started);
        Thread progress = options.progressFile() == null ? null
                : progressWriter(options.progressFile(), count, ok, failed, finished);
        for (int u = 0; u < options.concurrency(); u++) {
            Histogram histogram = new Histogram(3);
            histograms.add(histogram);
            Thread user = new Thread(() -> {
                long position;
                long pause = 0;
                while ((position = next.getAndIncrement()) < end) {
                    long remaining = deadlineNanos - System.nanoTime();
                    if (remaining <= 0) {
                        timedOut.set(true);
                        return;
                    }
                    if (interval > 0) {
                        long now = System.nanoTime();
                        long slot = Math.max(now, nextSlot.getAndAccumulate(now, (n, t) -> Math.max(n, t) + interval));
                        long wait = Math.min(slot, deadlineNanos) - now;
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        remaining = deadlineNanos - System.nanoTime();
                        if (remaining <= 0) {
                            timedOut.set(true);
                            return;
                        }
                    }
                    long index = indexAt.applyAsLong(position);
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
                            if (outcomes != null) {
                                outcomes.acked(position);
                            }
                            pause = 0;
                            continue;
                        }
                        failure = "status_" + response.statusCode();
                        // up to MAX_FAILURE_SAMPLES, and the first of each kind
                        if (samples.size() < MAX_FAILURE_SAMPLES || !failures.containsKey(failure)) {
                            samples.add(failure + " " + sale.storeId() + "/" + sale.receiptNo() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        failure = e.getClass().getSimpleName();
                        if (samples.size() < MAX_FAILURE_SAMPLES || !failures.containsKey(failure)) {
                            samples.add(failure + " " + sale.storeId() + "/" + sale.receiptNo() + ": " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    failed.increment();
                    failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
                    if (outcomes != null) {
                        outcomes.failed(position, failure);
                    }
                    if (options.pauseOnErrorMillis() > 0) {
                        // back off while the server is down: 250 ms, doubling up to the limit, until the next 202
                        pause = pause == 0 ? Math.min(250, options.pauseOnErrorMillis())
                                : Math.min(pause * 2, options.pauseOnErrorMillis());
                        long sleep = Math.min(pause, Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000));
                        try {
                            Thread.sleep(sleep);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
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
        if (progress != null) {
            finished.set(true);
            progress.interrupt();
            progress.join(5_000);
            writeProgress(options.progressFile(), count, ok.sum(), failed.sum(), true);
        }
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

    /** Every 250 ms: {@code posted=.. ok=.. failed=.. total=.. done=false}, replaced atomically. */
    private static Thread progressWriter(Path file, long total, LongAdder ok, LongAdder failed,
                                         AtomicBoolean finished) {
        Thread writer = new Thread(() -> {
            while (!finished.get()) {
                writeProgress(file, total, ok.sum(), failed.sum(), false);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "progress");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    static void writeProgress(Path file, long total, long ok, long failed, boolean done) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, String.format(Locale.ROOT, "posted=%d ok=%d failed=%d total=%d done=%s%n",
                    ok + failed, ok, failed, total, done), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("IngestLoad: could not write " + file + ": " + e.getMessage());
        }
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
                    "timeout-seconds", "ledger-file", "resend", "expect", "summary", "base-time",
                    "pause-on-error-ms", "progress-file", "rate").contains(name)) {
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
        Path ledgerFile = path(values, "ledger-file");
        Path resend = path(values, "resend");
        Path expect = path(values, "expect");
        Path summary = path(values, "summary");
        if (ledgerFile != null && warmup > 0) {
            throw new IllegalArgumentException("--ledger-file records one posting: no --warmup with it");
        }
        if (resend != null && expect != null) {
            throw new IllegalArgumentException("--resend and --expect are separate runs");
        }
        if (summary != null && expect == null) {
            throw new IllegalArgumentException("--summary needs --expect");
        }
        Instant baseTime = null;
        if (values.containsKey("base-time")) {
            try {
                baseTime = Instant.parse(values.get("base-time"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--base-time must be an ISO-8601 instant such as 2026-11-26T13:00:00Z");
            }
        }
        long pauseOnError = Long.parseLong(values.getOrDefault("pause-on-error-ms", "0"));
        if (pauseOnError < 0) {
            throw new IllegalArgumentException("--pause-on-error-ms must not be negative");
        }
        double rate;
        try {
            rate = Double.parseDouble(values.getOrDefault("rate", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be a number of sales per second");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be 0 (no limit) or a positive number of sales per second");
        }
        return new Options(URI.create(base), stores, sales, (int) concurrency, warmup, runId, maxSeconds,
                timeoutSeconds, printSample, ledgerFile, resend, expect, summary, baseTime, pauseOnError,
                path(values, "progress-file"), rate);
    }

    private static Path path(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " needs a path");
        }
        return value == null ? null : Path.of(value);
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
                + " [--warmup W] [--run-id X] [--max-seconds 600] [--timeout-seconds 30] [--print-sample]\n"
                + "       crash test: [--ledger-file F [--base-time ISO]] [--resend F] [--pause-on-error-ms MS]"
                + " [--progress-file P] [--rate SALES_PER_S]\n"
                + "       IngestLoad --stores FILE --expect F [--summary SALES_SUMMARY_OUTPUT]";
    }
}
