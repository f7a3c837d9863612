package org.storelink.demo.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;

/**
 * Runs the demo network: writes its stores fragment, waits for the registry and the webhook, posts the sales
 * history once (a marker in {@code data/storelink} says it was done), then a light live trickle. Everything runs on
 * a thread of its own, so activation returns at once; deactivation stops it.
 */
@Component(immediate = true, configurationPid = "org.storelink.demo")
@Designate(ocd = DemoConfig.class)
public final class DemoComponent {
    static final String FRAGMENT = "demo-network.json";
    private static final Logger LOG = LoggerFactory.getLogger(DemoComponent.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final String PAX_WEB = "org.ops4j.pax.web";
    private static final String HTTP_PORT = "org.osgi.service.http.port";

    private final DemoSettings settings;
    private final StoreRegistry registry;
    private final Path etc;
    private final Path data;
    private final ExecutorService runner;
    private final ScheduledExecutorService live;
    private volatile boolean stopped;
    private volatile WebhookFeeder feeder;

    @Activate
    public DemoComponent(DemoConfig config, BundleContext bundleContext, @Reference StoreRegistry registry,
                         @Reference ConfigurationAdmin configurationAdmin) {
        this.settings = DemoSettings.of(config, property(bundleContext, "storelink.sharedData"),
                () -> endpointFromPaxWeb(bundleContext, configurationAdmin));
        this.registry = registry;
        this.etc = Path.of(property(bundleContext, "karaf.etc").orElse("etc"));
        this.data = Path.of(property(bundleContext, "karaf.data").orElse("data"));
        this.runner = Executors.newSingleThreadExecutor(WebhookFeeder.daemon("storelink-demo"));
        this.live = Executors.newSingleThreadScheduledExecutor(WebhookFeeder.daemon("storelink-demo-live"));
        if (!config.enabled()) {
            LOG.info("The storelink demo is disabled (enabled = false in org.storelink.demo)");
            return;
        }
        runner.submit(this::run);
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        live.shutdownNow();
        runner.shutdownNow();
        WebhookFeeder current = feeder;
        if (current != null) {
            current.close();
        }
    }

    private void run() {
        try {
            long started = System.nanoTime();
            Catalogue catalogue = Catalogue.load(settings.catalogue().orElse(null));
            DemoNetwork network = DemoNetwork.generate(settings.seed(), settings.stores(), catalogue);
            StoreSecrets secrets = new StoreSecrets(
                    StoreSecrets.loadOrCreateKey(data.resolve("storelink").resolve("demo.key")), settings.seed());
            Map<String, String> secretById = new ConcurrentHashMap<>();
            network.stores().forEach(store -> secretById.put(store.id(), secrets.secret(store.id())));
            Path fragment = etc.resolve("storelink-stores.d").resolve(FRAGMENT);
            boolean written = writeIfChanged(fragment, fragmentBytes(network, secretById));
            LOG.info("Demo network: {} stores in regions {}, {} products from the {} catalogue; {} {}",
                    network.stores().size(), network.regions().stream().map(r -> r.id()).toList(),
                    catalogue.products().size(), catalogue.source(), written ? "wrote" : "kept", fragment);

            URI endpoint = settings.endpoint();
            feeder = new WebhookFeeder(endpoint, secretById::get, settings.concurrency(), settings.rate());
            if (!awaitReady(network, secretById, endpoint)) {
                return;
            }
            SaleGenerator generator = new SaleGenerator(network, settings.salesPerStoreDay());
            Path marker = data.resolve("storelink").resolve("demo-fed-" + settings.seed());
            if (Files.exists(marker)) {
                LOG.info("Demo history was posted before ({}); not posting it again", marker);
            } else {
                feedHistory(generator, marker, started);
            }
            startLive(network, generator);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("The storelink demo stopped: {}", e.toString(), e);
        }
    }

    private void feedHistory(SaleGenerator generator, Path marker, long started)
            throws InterruptedException, IOException {
        Instant now = Instant.now();
        SaleGenerator.History history = generator.history(settings.weeks(), now);
        LOG.info("Demo history: posting {} sales ({} weeks up to {}) to {} at up to {} sales/s, {} at a time",
                history.total(), settings.weeks(), now, settings.endpoint(), settings.rate(),
                settings.concurrency());
        WebhookFeeder.Result result = feeder.feed(history, history.total(), "history", () -> stopped);
        if (stopped) {
            return;
        }
        String summary = String.format(Locale.ROOT, "Demo history posted: %d sales, %d accepted, %d rejected,"
                        + " %d failed, in %.1f s (%.0f sales/s); %.1f s since the demo started",
                result.total(), result.accepted(), result.rejected(), result.failed(),
                result.took().toMillis() / 1000.0, result.perSecond(), (System.nanoTime() - started) / 1e9);
        if (result.failed() > 0) {
            LOG.warn("{}. Not marked as done: the next start posts it again, and the platform stores each sale"
                    + " once", summary);
            return;
        }
        LOG.info(summary);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, summary + System.lineSeparator() + "seed=" + settings.seed() + " stores="
                + settings.stores() + " weeks=" + settings.weeks() + " posted=" + DateTimeFormatter.ISO_INSTANT
                .format(Instant.now()) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private void startLive(DemoNetwork network, SaleGenerator generator) {
        if (settings.livePerMinute() <= 0 || stopped) {
            return;
        }
        long periodMillis = Math.max(1, Math.round(60_000 / settings.livePerMinute()));
        SplittableRandom random = new SplittableRandom(SaleGenerator.mix(settings.seed(), System.nanoTime()));
        AtomicLong sequence = new AtomicLong();
        String run = Long.toString(Instant.now().getEpochSecond(), 36);
        List<DemoStore> stores = network.stores();
        double[] busy = new double[stores.size()];
        double sum = 0;
        for (int i = 0; i < busy.length; i++) {
            sum += stores.get(i).size();
            busy[i] = sum;
        }
        for (int i = 0; i < busy.length; i++) {
            busy[i] /= sum;
        }
        LOG.info("Demo live sales: about {} per minute", settings.livePerMinute());
        live.scheduleAtFixedRate(() -> {
            try {
                DemoStore store = stores.get(SaleGenerator.pick(busy, random.nextDouble()));
                String receipt = "L" + run + "-" + sequence.incrementAndGet();
                feeder.post(generator.live(store, Instant.now(), receipt, random), () -> stopped);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Demo live sale not posted: {}", e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The webhook answers, and the registry serves every demo store with the secret the demo signs with. */
    private boolean awaitReady(DemoNetwork network, Map<String, String> secrets, URI endpoint)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String first = network.stores().get(0).id();
        String waitingFor = "";
        while (!stopped) {
            Optional<String> webhook = feeder.notReady(first);
            long missing = network.stores().stream().filter(store -> !registry.secret(store.id())
                    .map(secret -> Arrays.equals(secret, secrets.get(store.id()).getBytes(StandardCharsets.UTF_8)))
                    .orElse(false)).count();
            if (webhook.isEmpty() && missing == 0) {
                return true;
            }
            waitingFor = (webhook.map(why -> "the webhook at " + endpoint + " (" + why + ")").orElse("")
                    + (webhook.isPresent() && missing > 0 ? " and " : "")
                    + (missing > 0 ? missing + " demo stores in the store registry" : ""));
            if (System.nanoTime() > deadline) {
                LOG.error("The storelink demo gave up after {} waiting for {}. Is the storelink-pos-webhook feature"
                        + " installed, and was the stores fragment accepted (see the log of FileStoreRegistry)?",
                        READY_TIMEOUT, waitingFor);
                return false;
            }
            LOG.debug("Demo waiting for {}", waitingFor);
            Thread.sleep(500);
        }
        return false;
    }

    static byte[] fragmentBytes(DemoNetwork network, Map<String, String> secrets) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (Json.mapper().writer(printer).writeValueAsString(network.fragment(secrets::get)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code content} unless the file holds it already, so that a restart does not touch the file (and the
     * registry does not reload). The new file is moved into place whole; the registry ignores hidden files.
     */
    static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temporary, content);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    private static Optional<String> property(BundleContext bundleContext, String name) {
        return Optional.ofNullable(bundleContext.getProperty(name)).filter(value -> !value.isBlank());
    }

    /** Pax Web's port: a framework property where one is set, else its configuration, else 8181. */
    private static URI endpointFromPaxWeb(BundleContext bundleContext, ConfigurationAdmin configurationAdmin) {
        String port = property(bundleContext, HTTP_PORT).orElse(null);
        if (port == null) {
            try {
                Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + PAX_WEB + ")");
                if (found != null && found.length > 0) {
                    Dictionary<String, Object> properties = found[0].getProperties();
                    Object value = properties == null ? null : properties.get(HTTP_PORT);
                    port = value == null ? null : value.toString().trim();
                }
            } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
                LOG.warn("Cannot read the {} configuration: {}; assuming port 8181", PAX_WEB, e.toString());
            }
        }
        return URI.create("http://localhost:" + (port == null || port.isBlank() ? "8181" : port));
    }
}
