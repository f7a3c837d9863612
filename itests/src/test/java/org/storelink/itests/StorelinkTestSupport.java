package org.storelink.itests;

import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the assembled storelink distribution (the tar.gz the build made) on ports of its own, and gives tests the
 * real console and the real HTTP endpoint. When a test fails, the end of karaf.log is printed.
 */
public abstract class StorelinkTestSupport {
    static final int HTTP_PORT = 18181;
    static final String DEMO_STORE = "sh-campus-001";
    static final String DEMO_SECRET = "demo-secret-sh-campus-001";

    /** One console command of each boot module: once all answer, every module has started. */
    private static final List<String> BOOT_COMMANDS = List.of("store-list", "dlq-list", "sales-summary", "import",
            "payments", "import-statement", "reconcile", "insights", "partner-list", "basket-rules", "promotions",
            "deliveries", "replenish", "region-list", "route-list");

    @Inject
    protected SessionFactory sessionFactory;

    @Rule
    public final TestWatcher printLogOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            try {
                List<String> lines = Files.readAllLines(log);
                System.err.println("---- " + description + " failed; last lines of " + log + " ----");
                lines.subList(Math.max(0, lines.size() - 200), lines.size()).forEach(System.err::println);
            } catch (IOException io) {
                System.err.println("cannot read " + log + ": " + io);
            }
        }
    };

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(baseConfiguration()));
        if (!withDemo()) {
            // The demo network (300 stores posting weeks of sales) is on by default; most tests want a quiet platform
            // whose regional modules are not installed yet.
            options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                    bootFeaturesWithout("storelink-demo")));
        }
        return options.toArray(new Option[0]);
    }

    /** Whether this test class boots the demo network too. */
    protected boolean withDemo() {
        return false;
    }

    /** The distribution's boot features (as assembled beside the archive) less one. */
    static String bootFeaturesWithout(String feature) {
        File archive = new File(System.getProperty("storelink.assembly"));
        File cfg = new File(archive.getParentFile(), "assembly/etc/org.apache.karaf.features.cfg");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(cfg.toPath())) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assembled boot features in " + cfg, e);
        }
        List<String> kept = new ArrayList<>();
        for (String entry : properties.getProperty("featuresBoot").split(",")) {
            String name = entry.trim().replace("(", "").replace(")", "").split("/")[0];
            if (!entry.isBlank() && !name.equals(feature)) {
                kept.add(entry.trim());
            }
        }
        return String.join(",", kept);
    }

    private Option[] baseConfiguration() {
        String archive = System.getProperty("storelink.assembly");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(archive).toURI().toString())
                    .name("storelink")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            keepRuntimeFolder(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // Ports of its own, so a storelink running on the machine does not disturb the test.
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "14444"),
            // Pax Exam waits this long for its own services and injected ones; on a loaded 2-core machine the
            // default 10 s is not always enough for the probe invoker to start.
            editConfigurationFilePut("etc/system.properties", "pax.exam.service.timeout", "120000"),
            // The real sample files (../shared/data), for conformance checks inside the distribution.
            editConfigurationFilePut("etc/system.properties", "storelink.sharedData", sharedData()),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.core.port", "16616"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.amqp.port", "15672"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.stomp.port", "16613"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.mqtt.port", "11883"),
        };
    }

    /**
     * The platform is ready once the sales endpoint answers (405 to a GET), the ledger's route runs and the modules'
     * console commands are registered: all three wait for the broker connection, which waits for a working login.
     */
    @Before
    public void waitForThePlatform() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT
                + "/storelink/api/v1/stores/" + DEMO_STORE + "/sales")).timeout(Duration.ofSeconds(5)).GET().build();
        eventually(Duration.ofSeconds(120), "sales endpoint up", () -> {
            try {
                return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 405;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        eventually(Duration.ofSeconds(120), "ledger route and module commands up", () -> {
            try {
                if (!execute("storelink:route-list").contains("ledger.sales")) {
                    return false;
                }
                for (String command : BOOT_COMMANDS) {
                    // A command not registered yet throws "Command not found".
                    execute("storelink:" + command + " --help");
                }
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    /** The shared data folder as an absolute path ({@code -Dstorelink.sharedData}, else ../shared/data). */
    static String sharedData() {
        String configured = System.getProperty("storelink.sharedData", "");
        Path path = configured.isBlank() ? Path.of("..", "..", "shared", "data") : Path.of(configured);
        return path.toAbsolutePath().normalize().toString();
    }

    /** Runs a console command as the admin user and returns what it printed. */
    protected String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected static HttpResponse<String> postSale(String storeId, String body, String secret)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + HTTP_PORT + "/storelink/api/v1/stores/" + storeId + "/sales"))
                .header("Content-Type", "application/json")
                .header("X-Storelink-Signature", sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid sale of two green teas (CNY 7.00) with this receipt number. */
    protected static String greenTeaSale(String receiptNo) {
        return "{\"posId\":\"till-1\",\"receiptNo\":\"" + receiptNo + "\",\"occurredAt\":\"2026-11-26T09:15:30+08:00\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\",\"name\":\"Green tea 500ml\","
                + "\"quantity\":2,\"unitPrice\":350,\"discount\":0,\"promotionCode\":null}],"
                + "\"tenders\":[{\"type\":\"alipay\",\"amount\":700,\"reference\":\"pay-" + receiptNo + "\"}],"
                + "\"customerRef\":null}";
    }

    /** Polls until the condition holds, failing with the message after the timeout. */
    protected static void eventually(Duration timeout, String message, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " (not within " + timeout + ")");
            }
            Thread.sleep(100);
        }
    }
}
