package org.storelink.demo.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Sale;
import org.storelink.model.json.Json;

/**
 * Posts sales to the webhook as a store's till would: {@code POST {base}/storelink/api/v1/stores/{id}/sales}, the
 * JSON sale, signed with the store's secret ({@code X-Storelink-Signature: sha256=<hex HMAC-SHA256>}). At most
 * {@code concurrency} requests are in flight and at most {@code rate} start per second. A sale that meets a
 * transient failure (no connection, 5xx, or a 401/404 while the registry is still catching up) is retried with
 * backoff; a 400 is counted as rejected and logged, since the demo should never send one.
 */
final class WebhookFeeder implements AutoCloseable {
    static final String PATH = "/storelink/api/v1/stores/%s/sales";
    static final String SIGNATURE = "X-Storelink-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookFeeder.class);
    private static final int ATTEMPTS = 8;
    private static final int LOGGED_REJECTIONS = 5;

    /** What a feed did. {@code failed}: gave up after the retries. */
    record Result(long total, long accepted, long rejected, long failed, Duration took) {
        double perSecond() {
            return took.isZero() ? 0 : (accepted + rejected + failed) * 1000.0 / Math.max(1, took.toMillis());
        }
    }

    private final URI base;
    private final Function<String, String> secrets;
    private final int concurrency;
    private final RatePacer pacer;
    private final ExecutorService clientThreads;
    private final HttpClient client;
    private final AtomicLong rejectionsLogged = new AtomicLong();

    /**
     * @param base such as {@code http://localhost:8181}
     * @param secrets the secret of each store id
     */
    WebhookFeeder(URI base, Function<String, String> secrets, int concurrency, double rate) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.base = base;
        this.secrets = secrets;
        this.concurrency = concurrency;
        this.pacer = new RatePacer(rate);
        this.clientThreads = Executors.newFixedThreadPool(2, daemon("storelink-demo-http"));
        // HTTP/1.1: Jetty would otherwise be asked to upgrade every connection to h2c
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Posts every sale, logging progress at every 10%; returns early, with what was done, when {@code cancelled}.
     */
    Result feed(Iterable<Sale> sales, long total, String what, BooleanSupplier cancelled)
            throws InterruptedException {
        long start = System.nanoTime();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Iterator<Sale> source = sales.iterator();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, daemon("storelink-demo-feed"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    while (!cancelled.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                        Sale sale;
                        synchronized (source) {
                            if (!source.hasNext()) {
                                return null;
                            }
                            sale = source.next();
                        }
                        pacer.acquire();
                        switch (post(sale, cancelled)) {
                            case ACCEPTED -> accepted.incrementAndGet();
                            case REJECTED -> rejected.incrementAndGet();
                            default -> failed.incrementAndGet();
                        }
                        long n = done.incrementAndGet();
                        if (total > 0 && n * 10 / total > (n - 1) * 10 / total) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            LOG.info(String.format(Locale.ROOT, "Demo %s: %d%% (%,d of %,d sales) in %.0f s,"
                                            + " %.0f sales/s, rejected %d, failed %d", what, n * 100 / total, n,
                                    total, seconds, n / Math.max(seconds, 1e-3), rejected.get(), failed.get()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error("Demo {}: a feeding thread stopped: {}", what, e.getCause().toString());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new Result(total, accepted.get(), rejected.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    enum Outcome { ACCEPTED, REJECTED, FAILED }

    /** Posts one sale, retrying transient failures. */
    Outcome post(Sale sale, BooleanSupplier cancelled) throws InterruptedException {
        byte[] body = Json.write(sale);
        HttpRequest request = HttpRequest.newBuilder(salesUri(sale.storeId()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SIGNATURE, StoreSecrets.signature(secrets.apply(sale.storeId()), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS && !cancelled.getAsBoolean(); attempt++) {
            try {
                HttpResponse<String> response = client.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    return Outcome.ACCEPTED;
                }
                if (status == 400 || status == 413) {
                    if (rejectionsLogged.getAndIncrement() < LOGGED_REJECTIONS) {
                        LOG.error("Demo sale {} refused with {}: {}", sale.saleId(), status, response.body());
                    }
                    return Outcome.REJECTED;
                }
                last = status + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(Math.min(5000, 250L << (attempt - 1)));
        }
        LOG.warn("Demo sale {} not posted after {} attempts: {}", sale.saleId(), ATTEMPTS, last);
        return Outcome.FAILED;
    }

    URI salesUri(String storeId) {
        return base.resolve(String.format(Locale.ROOT, PATH, storeId));
    }

    /**
     * Whether the webhook is there: anything but a 404 or no connection at its path (a GET is answered 405 by the
     * webhook's servlet; a 404 means the servlet is not registered yet).
     */
    Optional<String> notReady(String storeId) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(salesUri(storeId))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 404 ? Optional.of("it answers 404") : Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    @Override
    public void close() {
        clientThreads.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
