package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Partners as they really connect: from another JVM (this test's), over the network, to the assembled distribution
 * started as its own process ({@code bin/karaf server}), with the credentials {@code storelink:partner-add} printed.
 * A partner uses its own addresses and nothing else.
 */
public class ExternalPartnersIT {
    private static final int HTTP = 19181;
    private static final int SSH = 19101;
    private static final int AMQP = 19672;
    private static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    private static final Pattern PASSWORD = Pattern.compile("(?m)^password: (\\S+)$");

    private static Path home;
    private static Process karaf;
    private static String brandPassword;
    private static String fleetPassword;

    @BeforeClass
    public static void startTheDistribution() throws Exception {
        Path target = Path.of("target", "external-karaf").toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        String archive = System.getProperty("storelink.assembly");
        run(target, "tar", "xzf", archive);
        try (var entries = Files.list(target)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path etc = home.resolve("etc");
        append(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + HTTP);
        append(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = " + SSH);
        append(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort = 19099\nrmiServerPort = 19444");
        append(etc.resolve("system.properties"), "storelink.broker.core.port = 19616\n"
                + "storelink.broker.amqp.port = " + AMQP + "\nstorelink.broker.stomp.port = 19613\n"
                + "storelink.broker.mqtt.port = 19883");
        append(etc.resolve("org.apache.karaf.features.cfg"), "featuresBoot = "
                + StorelinkTestSupport.bootFeaturesWithout("storelink-demo"));

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(target.resolve("console.log").toFile());
        builder.environment().put("STORELINK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        karaf = builder.start();

        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            try {
                String partners = ssh("admin", ADMIN_PASSWORD, "storelink:partner-list");
                if (partners.contains("Out address") && salesEndpointUp()) {
                    break;
                }
            } catch (Exception notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline || !karaf.isAlive()) {
                fail("the distribution did not come up; see " + target.resolve("console.log") + " and "
                        + home.resolve("data/log/karaf.log"));
            }
            Thread.sleep(1000);
        }
        brandPassword = password(ssh("admin", ADMIN_PASSWORD, "storelink:partner-add --kind brand brand-x"));
        fleetPassword = password(ssh("admin", ADMIN_PASSWORD, "storelink:partner-add --kind fleet fleet-y"));
    }

    @AfterClass
    public static void stopTheDistribution() throws Exception {
        if (karaf == null) {
            return;
        }
        // bin/karaf runs the JVM as its child: stop Karaf properly, then make sure nothing is left running.
        try {
            new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile()).inheritIO().start()
                    .waitFor(60, TimeUnit.SECONDS);
        } finally {
            if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
            karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    public void aPartnerSendsAndReceivesOnItsOwnAddresses() throws Exception {
        try (Connection fleet = connect("fleet-y", fleetPassword)) {
            Session session = fleet.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // storelink answers a malformed status on the fleet's own out address: the round trip works.
            session.createProducer(session.createQueue("partner.fleet-y.in"))
                    .send(session.createTextMessage("{\"type\":\"delivery-status\",\"deliveryId\":\"nope\"}"));
            MessageConsumer replies = session.createConsumer(session.createQueue("partner.fleet-y.out"));
            Message reply = replies.receive(60_000);
            assertNotNull("no answer on partner.fleet-y.out", reply);
            String body = reply instanceof TextMessage text ? text.getText()
                    : new String(reply.getBody(byte[].class), StandardCharsets.UTF_8);
            assertThat(body, containsString("\"type\":\"error\""));
        }
    }

    @Test
    public void aPartnerCannotUseAnotherPartnersAddressesOrStorelinksOwn() throws Exception {
        try (Connection brand = connect("brand-x", brandPassword)) {
            Session session = brand.createSession(false, Session.AUTO_ACKNOWLEDGE);
            expectRefused("send to partner.fleet-y.in", () -> session.createProducer(
                    session.createQueue("partner.fleet-y.in")).send(session.createTextMessage("{}")));
            expectRefused("read partner.fleet-y.out", () -> session.createConsumer(
                    session.createQueue("partner.fleet-y.out")).receive(500));
            expectRefused("publish a sale", () -> session.createProducer(
                    session.createTopic("storelink.sales.recorded")).send(session.createTextMessage("{}")));
            expectRefused("read the ledger's queue", () -> session.createConsumer(
                    session.createQueue("storelink.sales.recorded::ledger.sales")).receive(500));
            expectRefused("read its own in address", () -> session.createConsumer(
                    session.createQueue("partner.brand-x.in")).receive(500));
        }
        expectRefused("log in with a wrong password", () -> connect("brand-x", "wrong").close());
        expectRefused("log in as admin over AMQP with a partner's password",
                () -> connect("admin", brandPassword).close());
    }

    private interface JmsAction {
        void run() throws Exception;
    }

    private static void expectRefused(String what, JmsAction action) throws Exception {
        try {
            action.run();
            fail("a partner could " + what);
        } catch (JMSSecurityException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    private static Connection connect(String user, String password) throws Exception {
        Connection connection = new JmsConnectionFactory(user, password, "amqp://localhost:" + AMQP)
                .createConnection();
        connection.start();
        return connection;
    }

    private static boolean salesEndpointUp() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + HTTP + "/storelink/api/v1/stores/sh-campus-001/sales")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 405;
    }

    private static String password(String output) {
        Matcher matcher = PASSWORD.matcher(output);
        assertTrue("no password line in: " + output, matcher.find());
        return matcher.group(1);
    }

    private static String ssh(String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect(user, "localhost", SSH).verify(30, TimeUnit.SECONDS)
                    .getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(30, TimeUnit.SECONDS);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ClientChannel channel = session.createExecChannel(command)) {
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(30, TimeUnit.SECONDS);
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(60));
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void append(Path file, String lines) throws IOException {
        Files.writeString(file, "\n" + lines + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(String.join(" ", command) + ": " + output, 0, process.waitFor());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
