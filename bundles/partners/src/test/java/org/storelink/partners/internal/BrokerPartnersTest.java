package org.storelink.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.partners.Partner;

/**
 * A real Artemis broker in this JVM, secured like etc/artemis.xml ({@code #} admin only, {@code storelink.#} admin
 * and storelink-service), partners added by the production {@link PartnerAdmin}, and a real AMQP 1.0 client
 * (Qpid JMS) trying what a partner may and may not do. The broker's users are those the production code wrote to
 * users.properties: their passwords checked against the hashed lines, their roles taken from those lines.
 */
class BrokerPartnersTest {
    private static final String SERVICE_PASSWORD = "service-password";
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final long RECEIVE_MS = 5_000;

    @TempDir
    Path root;

    private final SecurityConfiguration brokerUsers = new SecurityConfiguration();
    private ActiveMQServer server;
    private Path etc;
    private UsersProperties users;
    private FilePartnerRegistry registry;
    private PartnerAdmin admin;
    private String passwordA;
    private String passwordB;

    @BeforeEach
    void startBrokerAndAddTwoPartners() throws Exception {
        etc = Files.createDirectories(root.resolve("etc"));
        brokerUsers.addUser("admin", ADMIN_PASSWORD);
        brokerUsers.addRole("admin", "admin");
        brokerUsers.addUser("storelink-service", SERVICE_PASSWORD);
        brokerUsers.addRole("storelink-service", "storelink-service");
        server = startBroker(root.resolve("data"));

        users = new UsersProperties(etc.resolve("users.properties"));
        registry = new FilePartnerRegistry(etc.resolve("storelink-partners.json"));
        admin = new PartnerAdmin(new BrokerPartners(server), registry, users,
                Clock.fixed(Instant.parse("2026-11-26T01:02:03.456Z"), ZoneOffset.UTC));
        passwordA = admin.add("brand-a", "brand", "Brand A").password();
        passwordB = admin.add("fleet-b", "fleet", null).password();
        loginFromUsersProperties("brand-a", passwordA);
        loginFromUsersProperties("fleet-b", passwordB);
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private ActiveMQServer startBroker(Path data) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("storelink-test")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:0?protocols=AMQP")
                .addAcceptorConfiguration("core", "tcp://127.0.0.1:0?protocols=CORE")
                .addAcceptorConfiguration("stomp", "tcp://127.0.0.1:0?protocols=STOMP");
        // as etc/artemis.xml
        config.putSecurityRoles("#", Set.of(everything("admin")));
        config.putSecurityRoles("storelink.#", Set.of(everything("admin"),
                new Role("storelink-service", true, true, false, false, true, true, false, true, false, false,
                        false, false)));
        config.addAddressSetting("#", new AddressSettings().setAutoCreateAddresses(false)
                .setAutoCreateQueues(false).setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        config.addAddressConfiguration(new CoreAddressConfiguration().setName("storelink.sales.recorded")
                .addRoutingType(RoutingType.MULTICAST)
                .addQueueConfiguration(QueueConfiguration.of("ledger.sales").setAddress("storelink.sales.recorded")
                        .setRoutingType(RoutingType.MULTICAST)));
        ActiveMQServer broker = new ActiveMQServerImpl(config,
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), brokerUsers));
        broker.start();
        return broker;
    }

    private static Role everything(String name) {
        return new Role(name, true, true, true, true, true, true, true, true, true, true, false, false);
    }

    /** The broker learns a partner the way Karaf's realm would: the line must hold the password's hash. */
    private void loginFromUsersProperties(String user, String password) throws Exception {
        String line = Files.readAllLines(etc.resolve("users.properties"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(user + " = ")).findFirst().orElseThrow();
        List<String> fields = Arrays.asList(line.substring((user + " = ").length()).split(","));
        String hash = "{CRYPT}" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(StandardCharsets.UTF_8))) + "{CRYPT}";
        assertThat(fields.get(0)).isEqualTo(hash);
        brokerUsers.addUser(user, password);
        fields.subList(1, fields.size()).forEach(role -> brokerUsers.addRole(user, role));
    }

    private int port(String acceptor) {
        return ((NettyAcceptor) server.getRemotingService().getAcceptor(acceptor)).getActualPort();
    }

    private Connection connect(String user, String password) throws Exception {
        int port = port("amqp");
        Connection connection = new JmsConnectionFactory(user, password, "amqp://127.0.0.1:" + port)
                .createConnection();
        connection.start();
        return connection;
    }

    private void send(String user, String password, String queue, String text) throws Exception {
        try (Connection connection = connect(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    private String receive(String user, String password, String queue) throws Exception {
        try (Connection connection = connect(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message message = session.createConsumer(session.createQueue(queue)).receive(RECEIVE_MS);
            return message == null ? null : ((TextMessage) message).getText();
        }
    }

    @Test
    void partnerSendsToItsInAndStorelinkConsumesIt() throws Exception {
        send("brand-a", passwordA, "partner.brand-a.in", "catalog from A");

        assertThat(admin.list().get(0).inMessages()).hasValue(1);
        assertThat(receive("storelink-service", SERVICE_PASSWORD, "partner.brand-a.in")).isEqualTo("catalog from A");
    }

    @Test
    void storelinkSendsToItsOutAndThePartnerBrowsesAndConsumesIt() throws Exception {
        send("storelink-service", SERVICE_PASSWORD, "partner.brand-a.out", "order for A");

        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("partner.brand-a.out"));
            assertThat(Collections.list(browser.getEnumeration())).hasSize(1);
            MessageConsumer consumer = session.createConsumer(session.createQueue("partner.brand-a.out"));
            assertThat(((TextMessage) consumer.receive(RECEIVE_MS)).getText()).isEqualTo("order for A");
        }
    }

    @Test
    void partnerCannotSendToAnotherPartnersIn() throws Exception {
        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("partner.fleet-b.in")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(server.locateQueue("partner.fleet-b.in").getMessageCount()).isZero();
    }

    @Test
    void partnerCannotSendToAnotherPartnersInThroughAnAnonymousProducer() throws Exception {
        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(null);
            assertThatThrownBy(() -> producer.send(session.createQueue("partner.fleet-b.in"),
                    session.createTextMessage("spoofed")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(server.locateQueue("partner.fleet-b.in").getMessageCount()).isZero();
    }

    @Test
    void partnerCannotReadAnotherPartnersOut() throws Exception {
        send("storelink-service", SERVICE_PASSWORD, "partner.fleet-b.out", "order for B");

        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("partner.fleet-b.out")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue("partner.fleet-b.out")).getEnumeration())
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(
                    session.createQueue("partner.fleet-b.out::partner.fleet-b.out")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(receive("fleet-b", passwordB, "partner.fleet-b.out")).isEqualTo("order for B");
    }

    @Test
    void partnerCannotReadStorelinksOwnAddresses() throws Exception {
        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(
                    session.createQueue("storelink.sales.recorded::ledger.sales")))
                    .isInstanceOf(JMSSecurityException.class);
            // a subscription needs a queue of its own; Artemis refuses it as unauthorized but reports the refusal
            // with AMQP's internal-error condition, so the client's exception is a plain JMSException
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("storelink.sales.recorded")))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("does not have permission='CREATE_NON_DURABLE_QUEUE'");
            assertThatThrownBy(() -> session.createProducer(session.createTopic("storelink.sales.recorded")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void partnerCannotWriteItsOwnOutNorReadItsOwnIn() throws Exception {
        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("partner.brand-a.out")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("partner.brand-a.in")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aWrongPasswordCannotConnect() {
        assertThatThrownBy(() -> connect("brand-a", passwordB)).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void theBrokerHoldsExactlyTheSettingsTheProductionCodeComputes() {
        for (Partner partner : registry.partners()) {
            PartnerSecurity.settingsFor(partner).forEach((match, roles) ->
                    assertThat(server.getSecurityRepository().getMatch(match)).isEqualTo(roles));
            assertThat(server.locateQueue(partner.inAddress()).isDurable()).isTrue();
            assertThat(server.getAddressInfo(SimpleString.of(
                    partner.outAddress())).getRoutingTypes()).containsExactly(RoutingType.ANYCAST);
        }
    }

    @Test
    void addRefusesAnExistingPartnerAReservedIdAnExistingUserAndInvalidFields() throws Exception {
        Files.writeString(etc.resolve("users.properties"), "auditor = {CRYPT}00{CRYPT},viewer\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> admin.add("brand-a", "wholesaler", null)).hasMessage("id: partner 'brand-a' already exists");
        assertThatThrownBy(() -> admin.add("storelink-service", "brand", null))
                .hasMessage("id: 'storelink-service' is reserved for storelink's own users");
        assertThatThrownBy(() -> admin.add("auditor", "brand", null))
                .hasMessageStartingWith("id: 'auditor' is already a user of Karaf's realm");
        assertThatThrownBy(() -> admin.add("New-C", "brand", null)).hasMessageStartingWith("id: must be");
        assertThatThrownBy(() -> admin.add("new-c", "bank", null)).hasMessageStartingWith("kind: must be one of");
        assertThat(registry.partners()).extracting(Partner::id).containsExactly("brand-a", "fleet-b");
        assertThat(server.getAddressInfo(SimpleString.of("partner.new-c.in")))
                .isNull();
    }

    @Test
    void settingsAddressesAndMessagesSurviveABrokerRestart() throws Exception {
        send("brand-a", passwordA, "partner.brand-a.in", "before restart");
        server.stop();

        server = startBroker(root.resolve("data"));

        // restored by the broker from its journal, before storelink applies anything
        PartnerSecurity.settingsFor(registry.find("brand-a").orElseThrow()).forEach((match, roles) ->
                assertThat(server.getSecurityRepository().getMatch(match)).isEqualTo(roles));
        new PartnerAdmin(new BrokerPartners(server), new FilePartnerRegistry(etc.resolve("storelink-partners.json")),
                users, Clock.systemUTC()).reapply();
        try (Connection connection = connect("brand-a", passwordA)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("partner.fleet-b.in")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(receive("storelink-service", SERVICE_PASSWORD, "partner.brand-a.in")).isEqualTo("before restart");
    }

    @Test
    void onABrokerThatLostEverythingTheRegistryRebuildsAddressesAndSettings() throws Exception {
        server.stop();
        server = startBroker(root.resolve("fresh-data"));
        assertThat(server.locateQueue("partner.brand-a.in")).isNull();

        PartnerAdmin restarted = new PartnerAdmin(new BrokerPartners(server),
                new FilePartnerRegistry(etc.resolve("storelink-partners.json")), users, Clock.systemUTC());
        assertThat(restarted.reapply()).isEqualTo(2);

        send("brand-a", passwordA, "partner.brand-a.in", "after rebuild");
        assertThat(receive("storelink-service", SERVICE_PASSWORD, "partner.brand-a.in")).isEqualTo("after rebuild");
        try (Connection connection = connect("fleet-b", passwordB)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("partner.brand-a.in")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void applyingAgainChangesNothing() throws Exception {
        send("brand-a", passwordA, "partner.brand-a.in", "kept");

        assertThat(admin.reapply()).isEqualTo(2);

        assertThat(server.locateQueue("partner.brand-a.in").getMessageCount()).isEqualTo(1);
        assertThat(admin.list()).extracting(status -> status.partner().id()).containsExactly("brand-a", "fleet-b");
    }

    @Test
    void removeRefusesWhileMessagesWaitThenTakesEverythingAwayWithForce() throws Exception {
        send("brand-a", passwordA, "partner.brand-a.in", "waiting");

        assertThatThrownBy(() -> admin.remove("brand-a", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 1 messages in partner.brand-a.in and 0 in partner.brand-a.out");
        assertThat(users.has("brand-a")).isTrue();

        admin.remove("brand-a", true);

        assertThat(users.has("brand-a")).isFalse();
        assertThat(registry.find("brand-a")).isEmpty();
        assertThat(new FilePartnerRegistry(etc.resolve("storelink-partners.json")).find("brand-a")).isEmpty();
        assertThat(server.locateQueue("partner.brand-a.in")).isNull();
        assertThat(server.getAddressInfo(SimpleString.of("partner.brand-a.out")))
                .isNull();
        assertThat(server.getSecurityRepository().containsExactMatch("partner.brand-a.in")).isFalse();
        assertThat(users.has("fleet-b")).isTrue();
        assertThatThrownBy(() -> admin.remove("brand-a", false)).hasMessage("id: there is no partner 'brand-a'");
    }

    @Test
    void theRegistryRecordsTheNewPartners() {
        assertThat(registry.partners()).extracting(Partner::id, p -> p.kind().code(), Partner::name,
                Partner::created).containsExactly(
                tuple("brand-a", "brand", Optional.of("Brand A"),
                        Instant.parse("2026-11-26T01:02:03Z")),
                tuple("fleet-b", "fleet", Optional.empty(),
                        Instant.parse("2026-11-26T01:02:03Z")));
        assertThat(users.rolesOf("brand-a")).containsExactly("partner", "partner-brand-a");
        assertThat(passwordA).isNotEqualTo(passwordB).hasSize(32);
    }

    @Test
    void theSameHoldsForTheCoreProtocol() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port("core"));
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession("brand-a", passwordA, false, true, true, false, 0)) {
            session.createProducer("partner.brand-a.in").send(session.createMessage(true));
            ClientProducer toOther = session.createProducer("partner.fleet-b.in");
            assertThatThrownBy(() -> toOther.send(session.createMessage(true)))
                    .isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer("partner.fleet-b.out"))
                    .isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer("ledger.sales"))
                    .isInstanceOf(ActiveMQSecurityException.class);
        }
        assertThat(server.locateQueue("partner.brand-a.in").getMessageCount()).isEqualTo(1);
        assertThat(server.locateQueue("partner.fleet-b.in").getMessageCount()).isZero();
    }

    @Test
    void theSameHoldsForStomp() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port("stomp"))) {
            socket.setSoTimeout((int) RECEIVE_MS);
            StompClient stomp = new StompClient(socket);
            assertThat(stomp.call("CONNECT\naccept-version:1.2\nhost:storelink\nlogin:brand-a\npasscode:"
                    + passwordA + "\n\n")).startsWith("CONNECTED");
            assertThat(stomp.call("SEND\ndestination:partner.brand-a.in\ndestination-type:ANYCAST\nreceipt:1\n\n"
                    + "over stomp")).startsWith("RECEIPT");
            // STOMP's ERROR frame does not say why; the broker's count of refused authorizations does
            long refusedBefore = server.getSecurityStore().getAuthorizationFailureCount();
            assertThat(stomp.call("SEND\ndestination:partner.fleet-b.in\ndestination-type:ANYCAST\nreceipt:2\n\n"
                    + "spoofed")).startsWith("ERROR");
            assertThat(server.getSecurityStore().getAuthorizationFailureCount()).isEqualTo(refusedBefore + 1);
        }
        try (Socket socket = new Socket("127.0.0.1", port("stomp"))) {
            socket.setSoTimeout((int) RECEIVE_MS);
            StompClient stomp = new StompClient(socket);
            stomp.call("CONNECT\naccept-version:1.2\nhost:storelink\nlogin:brand-a\npasscode:" + passwordA
                    + "\n\n");
            long refusedBefore = server.getSecurityStore().getAuthorizationFailureCount();
            assertThat(stomp.call("SUBSCRIBE\nid:1\ndestination:partner.fleet-b.out\nsubscription-type:ANYCAST\n"
                    + "receipt:3\n\n")).startsWith("ERROR");
            assertThat(server.getSecurityStore().getAuthorizationFailureCount()).isEqualTo(refusedBefore + 1);
        }
        assertThat(server.locateQueue("partner.brand-a.in").getMessageCount()).isEqualTo(1);
        assertThat(server.locateQueue("partner.fleet-b.in").getMessageCount()).isZero();
    }

    /** Just enough STOMP 1.2 to send a frame and read the broker's answer. */
    private static final class StompClient {
        private final Socket socket;

        StompClient(Socket socket) {
            this.socket = socket;
        }

        String call(String frame) throws Exception {
            socket.getOutputStream().write((frame + "\0").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b > 0; b = in.read()) {
                answer.write(b);
            }
            return answer.toString(StandardCharsets.UTF_8).stripLeading();
        }
    }
}
