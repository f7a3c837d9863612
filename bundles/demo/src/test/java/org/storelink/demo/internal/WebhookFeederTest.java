package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.Sale;
import org.storelink.model.json.Json;

/** The feeder against a stub of the webhook that checks signatures and keeps sales by id, as the platform does. */
class WebhookFeederTest {
    private static final Pattern PATH = Pattern.compile("/storelink/api/v1/stores/([^/]+)/sales");

    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, Integer> postsById = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    /** Answers before the stub accepts: 404 while "the registry" does not know the store yet, then 503s. */
    private final List<Integer> firstAnswers = new ArrayList<>();
    private HttpServer server;
    private DemoNetwork network;

    @BeforeEach
    void start() throws IOException {
        network = DemoNetwork.generate(DemoFixtures.SEED, 12, Catalogue.builtIn("built-in"));
        StoreSecrets derived = new StoreSecrets(new byte[32], DemoFixtures.SEED);
        network.stores().forEach(store -> secrets.put(store.id(), derived.secret(store.id())));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/storelink/api/v1/stores/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            int status;
            if (!path.matches()) {
                status = 404;
            } else if ("GET".equals(exchange.getRequestMethod())) {
                status = 405;
            } else {
                synchronized (firstAnswers) {
                    status = firstAnswers.isEmpty() ? 0 : firstAnswers.remove(0);
                }
                if (status == 0) {
                    String secret = secrets.get(path.group(1));
                    String expected = StoreSecrets.signature(secret, body);
                    if (!expected.equals(exchange.getRequestHeaders().getFirst("X-Storelink-Signature"))) {
                        badSignatures.incrementAndGet();
                        status = 401;
                    } else {
                        JsonNode sale = Json.mapper().readTree(body);
                        postsById.merge(path.group(1) + "/" + sale.get("posId").asText() + "/"
                                + sale.get("receiptNo").asText(), 1, Integer::sum);
                        status = 202;
                    }
                }
            }
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void postsEverySaleOnceSignedWithinTheRateAndConcurrency() throws Exception {
        SaleGenerator.History history = new SaleGenerator(network, 3).history(1, Instant.now());
        double rate = 300;
        try (WebhookFeeder feeder = new WebhookFeeder(base(), secrets::get, 4, rate)) {
            WebhookFeeder.Result result = feeder.feed(history, history.total(), "test", () -> false);

            assertThat(history.total()).isGreaterThan(100);
            assertThat(result.accepted()).isEqualTo(history.total());
            assertThat(result.rejected() + result.failed()).isZero();
            assertThat(badSignatures).hasValue(0);
            assertThat(postsById).hasSize((int) history.total()).allSatisfy((id, posts) -> assertThat(posts).isOne());
            // the cap holds over the whole feed: n sales take at least (n - 1) intervals
            assertThat(result.took().toNanos()).isGreaterThanOrEqualTo((long) ((history.total() - 1) * 1e9 / rate));
            assertThat(maxInFlight.get()).isBetween(1, 4);

            // a restart posts the same ids again: nothing new for the platform to store
            Set<String> first = Set.copyOf(postsById.keySet());
            SaleGenerator.History again = new SaleGenerator(network, 3).history(1, Instant.now());
            feeder.feed(again, again.total(), "test", () -> false);
            assertThat(postsById.keySet()).containsAll(first);
            assertThat(postsById.keySet().size()).isLessThanOrEqualTo(first.size() + 20); // only sales made since
            assertThat(postsById.values()).allMatch(posts -> posts <= 2);
        }
    }

    @Test
    void retriesWhileTheStoreIsUnknownOrThePlatformIsBusy() throws Exception {
        Sale sale = new SaleGenerator(network, 3).history(1, Instant.now()).iterator().next();
        firstAnswers.addAll(List.of(404, 503, 401));
        try (WebhookFeeder feeder = new WebhookFeeder(base(), secrets::get, 1, 1000)) {
            assertThat(feeder.post(sale, () -> false)).isEqualTo(WebhookFeeder.Outcome.ACCEPTED);
        }
        assertThat(postsById).containsOnlyKeys(sale.saleId());
    }

    @Test
    void countsARefusedSaleAsRejectedWithoutRetrying() throws Exception {
        Sale sale = new SaleGenerator(network, 3).history(1, Instant.now()).iterator().next();
        firstAnswers.addAll(List.of(400, 503));
        try (WebhookFeeder feeder = new WebhookFeeder(base(), secrets::get, 1, 1000)) {
            assertThat(feeder.post(sale, () -> false)).isEqualTo(WebhookFeeder.Outcome.REJECTED);
        }
        assertThat(firstAnswers).containsExactly(503);
    }

    @Test
    void theWebhookIsReadyWhenItsPathIsServed() throws Exception {
        try (WebhookFeeder feeder = new WebhookFeeder(base(), secrets::get, 1, 1000)) {
            assertThat(feeder.notReady("demo-east-0001")).isEmpty(); // GET answered 405
        }
        try (WebhookFeeder nobody = new WebhookFeeder(URI.create("http://127.0.0.1:1"), secrets::get, 1, 1000)) {
            assertThat(nobody.notReady("x")).hasValueSatisfying(why -> assertThat(why).contains("ConnectException"));
        }
        server.removeContext("/storelink/api/v1/stores/");
        try (WebhookFeeder feeder = new WebhookFeeder(base(), secrets::get, 1, 1000)) {
            assertThat(feeder.notReady("demo-east-0001")).contains("it answers 404");
        }
    }
}
