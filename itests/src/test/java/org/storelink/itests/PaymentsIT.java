package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Payments in the running distribution: a till's sale and the Alipay notification for it end matched; a sale nobody
 * paid is a discrepancy published for partners; a forged or tampered notification gets no {@code success} and
 * publishes nothing; a replayed one is processed once; store owners' insights hide groups smaller than k.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaymentsIT extends StorelinkTestSupport {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String OTHER_STORE = "sh-office-002";
    private static final String OTHER_SECRET = "demo-secret-sh-office-002";
    private static final String INSIGHTS_STORE = "hz-home-003";
    private static final String INSIGHTS_SECRET = "demo-secret-hz-home-003";
    private static final String APP_ID = "2021009900000001";
    private static final String SELLER_ID = "2088990000000001";
    private static final KeyPair ALIPAY = rsaKeyPair();
    private static final KeyPair FORGER = rsaKeyPair();
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter("(name=storelink)")
    private ConnectionFactory connectionFactory;

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Alipay app the tests sign for: its public key and seller, as an operator would configure them. */
    @Before
    public void configureTheAlipayApp() throws Exception {
        Configuration app = configurationAdmin.getFactoryConfiguration("org.storelink.payments.alipay", "it", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("app.id", APP_ID);
        properties.put("alipay.public.key", Base64.getEncoder().encodeToString(ALIPAY.getPublic().getEncoded()));
        properties.put("sellers", SELLER_ID + "=" + DEMO_STORE);
        if (!same(app.getProperties(), properties)) {
            app.update(properties);
        }
        // Until the app's configuration reached the component, its notifications are refused: wait for a known one.
        String probe = UUID.randomUUID().toString();
        eventually(Duration.ofSeconds(60), "Alipay app configured", () -> {
            try {
                return "success".equals(notify(signed(notification("probe-" + probe, "probe-" + probe, "0.01",
                        "TRADE_SUCCESS", LocalDateTime.now(SHANGHAI)), ALIPAY.getPrivate())).body());
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static boolean same(Dictionary<String, Object> current, Dictionary<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        for (Enumeration<String> keys = wanted.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!wanted.get(key).equals(current.get(key))) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void saleAndItsAlipayNotificationEndMatched() throws Exception {
        String receipt = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String outTradeNo = "it-" + receipt;
        LocalDateTime paidAt = LocalDateTime.now(SHANGHAI).withNano(0);
        assertEquals(202, postSale(DEMO_STORE, alipaySale(receipt, outTradeNo, paidAt, 700), DEMO_SECRET).statusCode());

        HttpResponse<String> reply = notify(signed(notification(outTradeNo, "2026" + receipt, "7.00", "TRADE_SUCCESS",
                paidAt), ALIPAY.getPrivate()));
        assertEquals("success", reply.body());

        String saleId = DEMO_STORE + "/till-1/" + receipt;
        String day = paidAt.toLocalDate().toString();
        eventually(Duration.ofSeconds(60), "sale " + saleId + " matched", () -> rowOf(reconcile(day), saleId)
                .contains("matched"));
        assertThat(execute("storelink:payments --day " + day + " " + DEMO_STORE), containsString(outTradeNo));
    }

    @Test
    public void saleWithoutPaymentIsADiscrepancyPublishedForPartners() throws Exception {
        String receipt = "u-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0);
        assertEquals(202, postSale(DEMO_STORE, alipaySale(receipt, "never-paid-" + receipt, at, 1250), DEMO_SECRET)
                .statusCode());
        String saleId = DEMO_STORE + "/till-1/" + receipt;
        String day = at.toLocalDate().toString();

        eventually(Duration.ofSeconds(60), "sale " + saleId + " without payment",
                () -> rowOf(reconcile(day), saleId).contains("sale-without-payment"));
        eventually(Duration.ofSeconds(30), "discrepancy for " + saleId + " published",
                () -> published("storelink.reconciliation.discrepancy::reconciliation.discrepancy.audit", saleId));
    }

    @Test
    public void forgedOrTamperedNotificationsGetNoSuccessAndPublishNothing() throws Exception {
        String forgedNo = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0);
        HttpResponse<String> forged = notify(signed(notification(forgedNo, "2026" + forgedNo, "9.99",
                "TRADE_SUCCESS", at), FORGER.getPrivate()));
        assertNotEquals("success", forged.body());

        String tamperedNo = "tampered-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> tampered = signed(notification(tamperedNo, "2026" + tamperedNo, "1.00", "TRADE_SUCCESS",
                at), ALIPAY.getPrivate());
        tampered.put("total_amount", "100.00");
        assertNotEquals("success", notify(tampered).body());

        // A genuine notification sent afterwards is the barrier: once it is listed, the forged ones would be too.
        String genuineNo = "genuine-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals("success", notify(signed(notification(genuineNo, "2026" + genuineNo, "2.00", "TRADE_SUCCESS",
                at), ALIPAY.getPrivate())).body());
        String day = at.toLocalDate().toString();
        eventually(Duration.ofSeconds(30), "genuine payment listed",
                () -> command("storelink:payments --day " + day + " " + DEMO_STORE).contains(genuineNo));
        String payments = execute("storelink:payments --day " + day + " " + DEMO_STORE);
        assertThat(payments, not(containsString(forgedNo)));
        assertThat(payments, not(containsString(tamperedNo)));
    }

    @Test
    public void replayedNotificationIsProcessedOnce() throws Exception {
        String outTradeNo = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0);
        Map<String, String> notification = signed(notification(outTradeNo, "2026" + outTradeNo, "3.50",
                "TRADE_SUCCESS", at), ALIPAY.getPrivate());
        assertEquals("success", notify(notification).body());
        assertEquals("success", notify(notification).body());

        String day = at.toLocalDate().toString();
        eventually(Duration.ofSeconds(30), "payment listed",
                () -> command("storelink:payments --day " + day + " " + DEMO_STORE).contains(outTradeNo));
        eventually(Duration.ofSeconds(30), "payment without sale reported",
                () -> rowOf(reconcile(day), outTradeNo).contains("payment-without-sale"));
        String table = reconcile(day);
        assertEquals(table, 1, table.lines().filter(line -> line.contains(outTradeNo)).count());
        String payments = execute("storelink:payments --day " + day + " " + DEMO_STORE);
        assertEquals(payments, 1, payments.lines().filter(line -> line.contains(outTradeNo)).count());
    }

    @Test
    public void realAlipaySampleVerifiesAndMatchesItsSale() throws Exception {
        Path dir = Path.of(System.getProperty("storelink.sharedData", "../shared/data"), "payments");
        Path sample = dir.resolve("alipay_trade_status_sync_notify.json");
        Assume.assumeTrue("shared Alipay sample absent: " + sample, Files.exists(sample));
        // The real notification's app and seller, with the key that verifies it, for another demo store.
        Configuration app = configurationAdmin.getFactoryConfiguration("org.storelink.payments.alipay", "sample", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("app.id", "2019073166072302");
        properties.put("alipay.public.key.file", dir.resolve("alipay_notify_verify_public_key.pem").toString());
        properties.put("sellers", "2088531891668739=" + OTHER_STORE);
        app.update(properties);
        Map<String, String> notification = new TreeMap<>();
        Matcher pair = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(Files.readString(sample, StandardCharsets.UTF_8));
        while (pair.find()) {
            notification.put(pair.group(1), pair.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        eventually(Duration.ofSeconds(60), "real sample answered success", () -> {
            try {
                return "success".equals(notify(notification).body());
            } catch (Exception e) {
                return false;
            }
        });
        // The till's sale paid with it: CNY 0.10, order number 20190815155618536-564-57, on 2019-08-15.
        String sale = "{\"posId\":\"till-9\",\"receiptNo\":\"564-57\",\"occurredAt\":\"2019-08-15T15:56:20+08:00\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\",\"name\":\"Space plan\",\"quantity\":1,"
                + "\"unitPrice\":10,\"discount\":0,\"promotionCode\":null}],\"tenders\":[{\"type\":\"alipay\","
                + "\"amount\":10,\"reference\":\"20190815155618536-564-57\"}],\"customerRef\":null}";
        assertEquals(202, postSale(OTHER_STORE, sale, OTHER_SECRET).statusCode());
        eventually(Duration.ofSeconds(60), "real sample's sale matched", () -> rowOf(
                command("storelink:reconcile --store " + OTHER_STORE + " --day 2019-08-15"),
                OTHER_STORE + "/till-9/564-57").contains("matched"));
    }

    @Test
    public void bankStatementEntriesReachReconciliation() throws Exception {
        Path statement = Path.of(System.getProperty("storelink.sharedData", "../shared/data"), "camt",
                "test-camt053.xml");
        Assume.assumeTrue("shared camt.053 sample absent: " + statement, Files.exists(statement));
        Configuration accounts = configurationAdmin.getConfiguration("org.storelink.statements", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("accounts", "NL77ABNA0574908765=" + DEMO_STORE);
        accounts.update(properties);

        eventually(Duration.ofSeconds(60), "statement imported", () -> command("storelink:import-statement "
                + statement).contains("Settlements published to storelink.settlements.recorded: 3"));
        // The 2014-01-05 credit of EUR 1405.31 explains no payment of the store.
        eventually(Duration.ofSeconds(60), "unexplained credit reported", () -> rowOf(
                command("storelink:reconcile --store " + DEMO_STORE + " --day 2014-01-05"), "EUR 1405.31")
                .contains("settlement-without-payment"));
    }

    @Test
    public void insightsReflectTheSalesAndHideGroupsSmallerThanK() throws Exception {
        String campaign = UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0).minusMinutes(5);
        for (int customer = 1; customer <= 4; customer++) {
            assertEquals(202, postSale(INSIGHTS_STORE, bandSale(campaign + "-" + customer, "c-" + campaign + "-"
                    + customer, at), INSIGHTS_SECRET).statusCode());
        }
        eventually(Duration.ofSeconds(60), "four sales in the insights", () -> insights().contains("\"sales\":4,"));
        String four = insights();
        assertThat(four, containsString("{\"ageBand\":\"18-24\",\"suppressed\":true"));
        assertThat(four, containsString("\"gtin\":\"04006381333931\""));

        assertEquals(202, postSale(INSIGHTS_STORE, bandSale(campaign + "-5", "c-" + campaign + "-5", at),
                INSIGHTS_SECRET).statusCode());
        eventually(Duration.ofSeconds(60), "five sales in the insights", () -> insights().contains("\"sales\":5,"));
        String five = insights();
        assertThat(five, containsString("{\"ageBand\":\"18-24\",\"suppressed\":false,\"customers\":5"));
        assertThat(five, containsString("{\"ageBand\":\"25-34\",\"suppressed\":true"));

        HttpResponse<String> wrong = HttpClient.newHttpClient().send(insightsRequest(INSIGHTS_STORE + ":nope"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertThat(execute("storelink:insights " + INSIGHTS_STORE), containsString("18-24"));
    }

    private String insights() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    insightsRequest(INSIGHTS_STORE + ":" + INSIGHTS_SECRET), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static HttpRequest insightsRequest(String credentials) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/storelink/api/v1/stores/"
                        + INSIGHTS_STORE + "/insights"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** A cash sale of two bottles of water to a customer of the 18-24 band. */
    static String bandSale(String receipt, String customer, LocalDateTime at) {
        return "{\"posId\":\"till-2\",\"receiptNo\":\"" + receipt + "\",\"occurredAt\":\"" + at + "+08:00\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"4006381333931\",\"name\":\"Mineral water\","
                + "\"quantity\":2,\"unitPrice\":200,\"discount\":0,\"promotionCode\":null}],"
                + "\"tenders\":[{\"type\":\"cash\",\"amount\":400,\"reference\":null}],"
                + "\"customerRef\":\"" + customer + "\",\"ageBand\":\"18-24\"}";
    }

    // ---- helpers ----

    private String reconcile(String day) {
        return command("storelink:reconcile --store " + DEMO_STORE + " --day " + day);
    }

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String rowOf(String table, String needle) {
        return table.lines().filter(line -> line.contains(needle)).collect(Collectors.joining("\n"));
    }

    private boolean published(String queue, String needle) {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            connection.start();
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements();) {
                Message message = (Message) messages.nextElement();
                String body = message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
                if (body != null && body.contains(needle)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    static String alipaySale(String receipt, String outTradeNo, LocalDateTime at, long amount) {
        return "{\"posId\":\"till-1\",\"receiptNo\":\"" + receipt + "\",\"occurredAt\":\"" + at + "+08:00\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567892\",\"name\":\"Green tea 500ml\","
                + "\"quantity\":1,\"unitPrice\":" + amount + ",\"discount\":0,\"promotionCode\":null}],"
                + "\"tenders\":[{\"type\":\"alipay\",\"amount\":" + amount + ",\"reference\":\"" + outTradeNo + "\"}],"
                + "\"customerRef\":null}";
    }

    static Map<String, String> notification(String outTradeNo, String tradeNo, String amount, String status,
            LocalDateTime paidAt) {
        Map<String, String> params = new TreeMap<>();
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("notify_time", ALIPAY_TIME.format(paidAt.plusSeconds(1)));
        params.put("app_id", APP_ID);
        params.put("auth_app_id", APP_ID);
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("seller_id", SELLER_ID);
        params.put("buyer_id", "2088" + Math.abs(outTradeNo.hashCode()));
        params.put("out_trade_no", outTradeNo);
        params.put("trade_no", tradeNo);
        params.put("trade_status", status);
        params.put("total_amount", amount);
        params.put("receipt_amount", amount);
        params.put("subject", "绿茶 Green tea");
        params.put("gmt_create", ALIPAY_TIME.format(paidAt.minusSeconds(2)));
        params.put("gmt_payment", ALIPAY_TIME.format(paidAt));
        return params;
    }

    /** Signs as Alipay does: every parameter but sign and sign_type, sorted, k=v joined by &, SHA256withRSA. */
    static Map<String, String> signed(Map<String, String> params, PrivateKey key) throws Exception {
        String content = new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(content.getBytes(StandardCharsets.UTF_8));
        Map<String, String> result = new TreeMap<>(params);
        result.put("sign_type", "RSA2");
        result.put("sign", Base64.getEncoder().encodeToString(signature.sign()));
        return result;
    }

    static HttpResponse<String> notify(Map<String, String> params) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT
                        + "/storelink/api/v1/payments/alipay/notify"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }
}
