package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Partner systems over AMQP 1.0 with their own credentials, through the broker's AMQP acceptor: a brand, two
 * wholesalers (one taking UBL, one EDIFACT) and a delivery fleet. Each may use only its own addresses; catalogs,
 * orders, responses, delivery requests and status updates flow end to end; malformed messages end in the dead-letter
 * queue and the partner is told.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnersIT extends StorelinkTestSupport {
    private static final String AMQP = "amqp://localhost:15672";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern PASSWORD = Pattern.compile("(?m)^password: (\\S+)$");
    private static final Duration RECEIVE = Duration.ofSeconds(90);

    @Override
    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.configuration()));
        options.add(replaceConfigurationFile("etc/storelink-suppliers.json", suppliersFile()));
        options.add(editConfigurationFilePut("etc/org.storelink.promotions.cfg", "report.minutes", "1"));
        return options.toArray(new Option[0]);
    }

    /** Two wholesalers of region east: metro takes UBL 2.1, linden EDIFACT, both over their partner address. */
    private static File suppliersFile() {
        String json = """
                {"suppliers": [
                  {"id": "metro", "name": "Metro Wholesale", "partyId": "6912345000004", "format": "ubl",
                   "channel": {"type": "partner"}, "regions": ["east"],
                   "products": [{"gtin": "6901234567892", "name": "Green tea 500ml", "packSize": 24,
                     "leadTimeDays": 2, "currency": "CNY",
                     "tiers": [{"minQuantity": 1, "unitPrice": 250}, {"minQuantity": 240, "unitPrice": 230}]}]},
                  {"id": "linden", "name": "Linden Foods", "partyId": "6912345000011", "format": "edifact",
                   "channel": {"type": "partner"}, "regions": ["east"],
                   "products": [{"gtin": "4006381333931", "name": "Mineral water", "packSize": 12,
                     "leadTimeDays": 1, "currency": "CNY", "tiers": [{"minQuantity": 1, "unitPrice": 120}]}]}
                ]}""";
        try {
            File file = File.createTempFile("storelink-suppliers", ".json");
            Files.writeString(file.toPath(), json, StandardCharsets.UTF_8);
            file.deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String addPartner(String id, String kind) throws Exception {
        Matcher matcher = PASSWORD.matcher(execute("storelink:partner-add --kind " + kind + " " + id));
        assertTrue("no password printed for " + id, matcher.find());
        return matcher.group(1);
    }

    private static Connection connect(String user, String password) throws Exception {
        Connection connection = new JmsConnectionFactory(user, password, AMQP).createConnection();
        connection.start();
        return connection;
    }

    private static void send(Connection connection, String address, String type, String body) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(body);
            if (type != null) {
                message.setStringProperty("type", type);
            }
            session.createProducer(session.createQueue(address)).send(message);
        }
    }

    /** The next message on the partner's out address whose body contains {@code needle}, or fails. */
    private static String receive(Connection connection, String address, String needle) throws Exception {
        long deadline = System.nanoTime() + RECEIVE.toNanos();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(address))) {
            while (System.nanoTime() < deadline) {
                Message message = consumer.receive(1000);
                if (message != null) {
                    String body = message instanceof TextMessage text ? text.getText()
                            : message instanceof BytesMessage bytes ? new String(bytes.getBody(byte[].class),
                                    StandardCharsets.UTF_8) : null;
                    if (body != null && body.contains(needle)) {
                        return body;
                    }
                }
            }
        }
        fail("nothing containing " + needle + " on " + address + " within " + RECEIVE);
        return null;
    }

    @Test
    public void partnersUseOnlyTheirOwnAddresses() throws Exception {
        String acme = addPartner("acme-brand", "brand");
        addPartner("other-fleet", "fleet");
        try (Connection brand = connect("acme-brand", acme)) {
            try {
                send(brand, "partner.other-fleet.in", null, "{}");
                fail("acme-brand could send to partner.other-fleet.in");
            } catch (JMSSecurityException expected) {
                assertNotNull(expected.getMessage());
            }
            try (Session session = brand.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                session.createProducer(session.createTopic("storelink.sales.recorded"))
                        .send(session.createTextMessage("{}"));
                fail("acme-brand could publish a sale event");
            } catch (JMSSecurityException expected) {
                assertNotNull(expected.getMessage());
            }
            try (Session session = brand.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                session.createConsumer(session.createQueue("partner.other-fleet.out")).receive(500);
                fail("acme-brand could read partner.other-fleet.out");
            } catch (JMSSecurityException expected) {
                assertNotNull(expected.getMessage());
            }
        }
        try {
            connect("acme-brand", "wrong-password").close();
            fail("a wrong password was accepted");
        } catch (JMSSecurityException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    public void catalogInEligibleStoreSeesItSaleRedeemsItReportOut() throws Exception {
        String password = addPartner("tea-brand", "brand");
        String promotion = "TEA10-" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
        String catalog = "{\"catalogId\":\"tea-" + promotion + "\",\"version\":1,\"brand\":\"tea-brand\","
                + "\"promotions\":[{\"promotionId\":\"" + promotion + "\",\"name\":\"Green tea 10% off\","
                + "\"products\":[\"6901234567892\"],\"mechanics\":{\"type\":\"percent-off\",\"percent\":10},"
                + "\"validity\":{\"from\":\"" + now.minusDays(1) + "\",\"to\":\"" + now.plusDays(7) + "\"},"
                + "\"eligibility\":{\"regions\":[],\"areaProfiles\":[],\"stores\":[\"" + DEMO_STORE + "\"]},"
                + "\"budget\":{\"amount\":100000,\"currency\":\"CNY\"}}]}";
        try (Connection brand = connect("tea-brand", password)) {
            eventually(Duration.ofSeconds(60), "brand route up", () -> command("storelink:route-list")
                    .contains("partner.tea-brand.in"));
            send(brand, "partner.tea-brand.in", "promotion-catalog", catalog);
            assertThat(receive(brand, "partner.tea-brand.out", "accepted"), containsString(promotion));

            eventually(Duration.ofSeconds(30), "the eligible store sees " + promotion,
                    () -> command("storelink:promotions " + DEMO_STORE).contains(promotion));
            assertThat(command("storelink:promotions hz-home-003"), not(containsString(promotion)));
            HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + HTTP_PORT + "/storelink/api/v1/stores/" + DEMO_STORE + "/promotions"))
                    .header("Authorization", basic(DEMO_STORE, DEMO_SECRET)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(rest.body(), 200, rest.statusCode());
            assertThat(rest.body(), containsString(promotion));

            String receipt = "promo-" + UUID.randomUUID().toString().substring(0, 8);
            String sale = "{\"posId\":\"till-1\",\"receiptNo\":\"" + receipt + "\",\"occurredAt\":\""
                    + now.toLocalDateTime() + "+08:00\",\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\","
                    + "\"name\":\"Green tea 500ml\",\"quantity\":2,\"unitPrice\":350,\"discount\":70,"
                    + "\"promotionCode\":\"" + promotion + "\"}],\"tenders\":[{\"type\":\"cash\",\"amount\":630,"
                    + "\"reference\":null}],\"customerRef\":null}";
            assertEquals(202, postSale(DEMO_STORE, sale, DEMO_SECRET).statusCode());
            eventually(Duration.ofSeconds(60), "redemption counted", () -> command("storelink:promotion-report "
                    + promotion).matches("(?s).*[Rr]edemptions:? *1\\b.*"));

            String report = receive(brand, "partner.tea-brand.out", "\"promotionId\":\"" + promotion + "\"");
            assertThat(report, containsString("promotion-report"));
            assertThat(report, not(containsString(receipt)));
            assertThat(report, not(containsString("customerRef")));

            // A malformed catalog: rejected with every problem named, and dead-lettered with the reason.
            send(brand, "partner.tea-brand.in", "promotion-catalog",
                    "{\"catalogId\":\"bad\",\"version\":1,\"promotions\":[{\"promotionId\":\"X\",\"products\":"
                            + "[\"6901234567893\"],\"mechanics\":{\"type\":\"percent-off\",\"percent\":100}}]}");
            String rejected = receive(brand, "partner.tea-brand.out", "rejected");
            assertThat(rejected, containsString("promotions[0].mechanics.percent"));
            assertThat(rejected, containsString("promotions[0].products[0]"));
            eventually(Duration.ofSeconds(30), "catalog dead-lettered",
                    () -> command("storelink:dlq-list").contains("partner.tea-brand.in"));
        }
    }

    @Test
    public void storeOrdersBecomePurchaseOrdersInBothFormatsAndResponsesUpdateTheLines() throws Exception {
        eventually(Duration.ofSeconds(60), "wholesale commands available",
                () -> !command("storelink:orders " + DEMO_STORE).contains("not found"));
        String metroPassword = addPartner("metro", "wholesaler");
        String lindenPassword = addPartner("linden", "wholesaler");
        try (Connection metro = connect("metro", metroPassword); Connection linden = connect("linden", lindenPassword)) {
            eventually(Duration.ofSeconds(60), "wholesaler routes up", () -> {
                String routes = command("storelink:route-list");
                return routes.contains("partner.metro.in") && routes.contains("partner.linden.in");
            });
            assertThat(execute("storelink:order-confirm " + DEMO_STORE + " 6901234567892=48 4006381333931=24"),
                    containsString("6901234567892"));
            assertThat(execute("storelink:cutoff"), containsString("purchase order"));

            String ubl = receive(metro, "partner.metro.out", "urn:oasis:names:specification:ubl:schema:xsd:Order-2");
            Matcher poId = Pattern.compile("<cbc:ID>(PO-[^<]+)</cbc:ID>").matcher(ubl);
            assertTrue(ubl, poId.find());
            assertThat(ubl, containsString("06901234567892"));
            String edifact = receive(linden, "partner.linden.out", "ORDERS:D:03B:UN");
            assertThat(edifact, containsString("LIN+1++04006381333931:SRV"));
            assertThat(edifact, containsString("QTY+21:24"));

            // metro confirms only one pack of the two: the line is changed and allocated back to the store.
            String response = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<OrderResponse xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2\""
                    + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
                    + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                    + "<cbc:ID>RSP-1</cbc:ID><cbc:IssueDate>" + OffsetDateTime.now(SHANGHAI).toLocalDate()
                    + "</cbc:IssueDate><cbc:OrderResponseCode>CA</cbc:OrderResponseCode>"
                    + "<cac:OrderReference><cbc:ID>" + poId.group(1) + "</cbc:ID></cac:OrderReference>"
                    + "<cac:OrderLine><cac:LineItem><cbc:ID>1</cbc:ID><cbc:LineStatusCode>3</cbc:LineStatusCode>"
                    + "<cbc:Quantity unitCode=\"EA\">24</cbc:Quantity></cac:LineItem>"
                    + "<cac:OrderLineReference><cbc:LineID>1</cbc:LineID></cac:OrderLineReference></cac:OrderLine>"
                    + "</OrderResponse>";
            send(metro, "partner.metro.in", "order-response", response);
            assertThat(receive(metro, "partner.metro.out", "order-response-accepted"), containsString("changed"));
            eventually(Duration.ofSeconds(30), "store order line changed",
                    () -> command("storelink:orders " + DEMO_STORE).contains("changed"));

            // An unreadable response: dead-lettered, and metro is told.
            send(metro, "partner.metro.in", "order-response", "<OrderResponse>not UBL");
            assertThat(receive(metro, "partner.metro.out", "\"type\":\"error\""), containsString("problems"));
        }
    }

    @Test
    public void deliveryRequestGoesToTheFleetAndItsStatusUpdatesComeBack() throws Exception {
        String password = addPartner("swift", "fleet");
        try (Connection fleet = connect("swift", password)) {
            eventually(Duration.ofSeconds(60), "fleet route up",
                    () -> command("storelink:route-list").contains("partner.swift.in"));
            OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
            String orderRef = "WX-" + UUID.randomUUID().toString().substring(0, 8);
            String order = "{\"orderRef\":\"" + orderRef + "\",\"items\":[{\"gtin\":\"6901234567892\","
                    + "\"name\":\"Green tea 500ml\",\"quantity\":2}],\"dropOff\":{\"address\":\"Building 5, 220 Handan"
                    + " Rd\",\"contact\":\"cust-7f3a9c21\"},\"window\":{\"from\":\"" + now.plusMinutes(10)
                    + "\",\"to\":\"" + now.plusMinutes(55) + "\"},\"fleet\":\"swift\"}";
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + HTTP_PORT + "/storelink/api/v1/stores/" + DEMO_STORE + "/deliveries"))
                    .header("Authorization", basic(DEMO_STORE, DEMO_SECRET))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(created.body(), 201, created.statusCode());
            Matcher id = Pattern.compile("\"deliveryId\":\"([^\"]+)\"").matcher(created.body());
            assertTrue(created.body(), id.find());
            String deliveryId = id.group(1);

            String request = receive(fleet, "partner.swift.out", deliveryId);
            assertThat(request, containsString("delivery-request"));
            assertThat(request, containsString(DEMO_STORE));

            for (String[] step : new String[][] {{"assigned", ",\"rider\":\"rider-4411\""}, {"picked-up", ""},
                    {"delivered", ""}}) {
                send(fleet, "partner.swift.in", "delivery-status", "{\"type\":\"delivery-status\",\"deliveryId\":\""
                        + deliveryId + "\",\"status\":\"" + step[0] + "\",\"at\":\""
                        + OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS) + "\"" + step[1] + "}");
                Thread.sleep(1100);
            }
            eventually(Duration.ofSeconds(60), "delivered", () -> {
                String table = command("storelink:deliveries " + DEMO_STORE);
                return table.lines().anyMatch(line -> line.contains(orderRef) && line.contains("delivered"));
            });

            // Going back from delivered is refused: dead-lettered, and the fleet is told why.
            send(fleet, "partner.swift.in", "delivery-status", "{\"type\":\"delivery-status\",\"deliveryId\":\""
                    + deliveryId + "\",\"status\":\"assigned\",\"at\":\"" + OffsetDateTime.now(SHANGHAI)
                    .truncatedTo(ChronoUnit.SECONDS) + "\",\"rider\":\"rider-1\"}");
            assertThat(receive(fleet, "partner.swift.out", "\"type\":\"error\""), containsString("status"));
            eventually(Duration.ofSeconds(30), "status dead-lettered",
                    () -> command("storelink:dlq-list").contains("partner.swift.in"));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
