package ${package}.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertThat;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.storelink.ingest.SaleImporter;
import org.storelink.spi.PosFormat;

/**
 * Boots the storelink distribution on ports of its own, installs the feature storelink-pos-${formatName} from this
 * build's features repository, and imports files in the format through the console and through a drop folder.
 *
 * <p>The distribution is the tar.gz named by the system property {@code storelink.assembly} (see the pom). The
 * feature and the bundle are resolved from the local Maven repository, so run this with {@code mvn install}. One
 * container serves the whole class; when a test fails, the end of its karaf.log is printed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ${formatClass}FormatIT {
    private static final String FORMAT = "${formatName}";
    private static final String FEATURE = "storelink-pos-${formatName}";
    /** A demo store of the distribution's etc/storelink-stores.json. */
    private static final String STORE = "sh-campus-001";
    private static final String WATER = "6901234567892";

    @Inject
    private SessionFactory sessionFactory;

    /** Waits until the feature's bundle has registered the format. */
    @Inject
    @Filter("(storelink.format=${formatName})")
    private PosFormat format;

    /** Waits until storelink's ingest runtime is up (it needs the broker). */
    @Inject
    private SaleImporter importer;

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
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(required("storelink.assembly")).toURI().toString())
                    .name("storelink")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            keepRuntimeFolder(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // Ports of its own, so neither a storelink running on this machine nor storelink's own tests disturb it.
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", "19181"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "19101"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "19099"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "19444"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.amqp.port", "17672"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.core.port", "17616"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.stomp.port", "17613"),
            editConfigurationFilePut("etc/system.properties", "storelink.broker.mqtt.port", "11884"),
            // The distribution resolves from its own system/ folder; this adapter comes from the local repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    required("itest.localRepository")),
            features(maven().groupId(required("itest.groupId")).artifactId(required("itest.featureArtifactId"))
                    .version(required("itest.version")).classifier("features").type("xml"), FEATURE),
        };
    }

    @Test
    public void theFeatureIsInstalledAndItsFormatListed() throws Exception {
        assertThat(execute("feature:list -i"), containsString(FEATURE));
        assertThat(String.valueOf(importer.formats()), containsString(FORMAT));
    }

    @Test
    public void consoleImportCountsAcceptedAndRejectedSales() throws Exception {
        String run = run();
        Path file = Files.createTempFile("${formatName}-", ".txt");
        Files.writeString(file, salesFile(run));

        String output = execute("storelink:import " + file + " --store " + STORE + " --format " + FORMAT);

        assertThat(output, containsString("Accepted: 2"));
        assertThat(output, containsString("Rejected: 1"));
        assertThat(output, containsString(file.getFileName() + ":5#" + run + "-3"));
        assertThat(output, containsString("lines[0].gtin: line 5: check digit is 3, expected 2"));
    }

    @Test
    public void dropFolderImportsFilesAndWritesAReport() throws Exception {
        Path inbox = Files.createTempDirectory("${formatName}-inbox-");
        Path config = Path.of(System.getProperty("karaf.etc"), "org.storelink.ingest.folder-itest-" + FORMAT + ".cfg");
        Files.writeString(config, "store = " + STORE + "\nformat = " + FORMAT + "\npath = "
                + inbox.toString().replace("\\", "/") + "\npollMillis = 200\n");
        try {
            eventually(Duration.ofSeconds(60), "drop folder feed listed",
                    () -> executeQuietly("storelink:adapter-list").contains("folder:" + inbox));
            Path file = Files.createTempFile("${formatName}-", ".txt");
            Files.writeString(file, salesFile(run()));
            Files.move(file, inbox.resolve("day.txt"));

            eventually(Duration.ofSeconds(60), "file moved to .done", () -> Files.exists(inbox.resolve(".done/day.txt")));
            eventually(Duration.ofSeconds(10), "report written",
                    () -> Files.exists(inbox.resolve(".done/day.txt.report.json")));
            String report = Files.readString(inbox.resolve(".done/day.txt.report.json"));
            assertThat(report, containsString("\"accepted\":2"));
            assertThat(report, containsString("\"rejected\":1"));
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Three receipts; the third has a barcode with a wrong check digit. */
    private static String salesFile(String run) {
        return "receipt;time;gtin;quantity;unitPriceMinor;tender\n"
                + run + "-1;2026-11-26T09:15:30+08:00;" + WATER + ";2;350;alipay\n"
                + run + "-1;2026-11-26T09:15:30+08:00;" + WATER + ";1;350;alipay\n"
                + run + "-2;2026-11-26T09:20:05;" + WATER + ";1;350;cash\n"
                + run + "-3;2026-11-26T09:31:00+08:00;6901234567893;1;350;wechat\n";
    }

    private static String run() {
        return "it" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs a console command as the admin user and returns what it printed. */
    private String execute(String command) throws Exception {
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

    private String executeQuietly(String command) {
        try {
            return execute(command);
        } catch (Exception e) {
            return "";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run this test with Maven");
        }
        return value;
    }

    /** Polls until the condition holds, failing with the message after the timeout. */
    private static void eventually(Duration timeout, String message, BooleanSupplier condition)
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
