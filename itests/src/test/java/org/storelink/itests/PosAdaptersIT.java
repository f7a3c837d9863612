package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assume.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.ledger.SalesQueries;

/** The shipped adapters run inside the distribution: POSLog and CSV imports, and a signed Shopify webhook. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PosAdaptersIT extends StorelinkTestSupport {

    @Inject
    private SalesQueries ledger;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private static String poslog(String run) {
        String head = "<Transaction><RetailStoreID>9</RetailStoreID><WorkstationID>4</WorkstationID>";
        String sale = "<CurrencyCode>CNY</CurrencyCode><RetailTransaction Version=\"2.1\">"
                + "<LineItem><SequenceNumber>1</SequenceNumber><Sale ItemType=\"Stock\">"
                + "<ItemID>6901234567892</ItemID><Description>Green tea 500ml</Description>"
                + "<RegularSalesUnitPrice>3.50</RegularSalesUnitPrice><ExtendedAmount>7.00</ExtendedAmount>"
                + "<Quantity>2</Quantity></Sale></LineItem>"
                + "<LineItem><SequenceNumber>2</SequenceNumber><Tender TenderType=\"Cash\"><Amount>7.00</Amount>"
                + "</Tender></LineItem>"
                + "<Total TotalType=\"TransactionGrandAmount\">7.00</Total></RetailTransaction></Transaction>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/namespace/\">"
                + head + "<SequenceNumber>" + run + "1</SequenceNumber><BusinessDayDate>2026-11-25</BusinessDayDate>"
                + "<EndDateTime>2026-11-26T00:30:00</EndDateTime>" + sale
                + head.replace("<Transaction>", "<Transaction TrainingModeFlag=\"true\">")
                + "<SequenceNumber>" + run + "2</SequenceNumber><BusinessDayDate>2026-11-26</BusinessDayDate>"
                + "<EndDateTime>2026-11-26T10:00:00</EndDateTime>" + sale
                + head.replace("<Transaction>", "<Transaction CancelFlag=\"true\">")
                + "<SequenceNumber>" + run + "3</SequenceNumber><BusinessDayDate>2026-11-26</BusinessDayDate>"
                + "<EndDateTime>2026-11-26T10:05:00</EndDateTime>" + sale
                + "</POSLog>";
    }

    @Test
    public void poslogExportIsImportedWithVoidsAndTrainingCounted() throws Exception {
        String run = String.valueOf(System.nanoTime() % 100000);
        Path file = Files.createTempFile("day-", ".xml");
        Files.writeString(file, poslog(run));

        String output = execute("storelink:import " + file + " --store " + DEMO_STORE + " --format poslog");

        assertThat(output, containsString("Accepted: 1"));
        assertThat(output, containsString("Rejected: 0"));
        assertThat(output, containsString("training 1"));
        assertThat(output, containsString("void 1"));
        String saleId = DEMO_STORE + "/4/" + run + "1";
        eventually(Duration.ofSeconds(60), "POSLog sale in the ledger", () -> ledger.contains(saleId));
    }

    @Test
    public void sharedPoslogSampleImportsInsideTheDistribution() throws Exception {
        Path sample = Path.of(System.getProperty("storelink.sharedData"), "poslog", "kjbreil_SMALL.xml");
        assumeTrue("no shared data at " + sample + ": conformance check skipped", Files.exists(sample));

        String output = execute("storelink:import " + sample + " --store bj-transit-004 --format poslog");

        assertThat(output, containsString("Accepted: 1"));
        assertThat(output, containsString("Rejected: 0"));
        assertThat(output, containsString("non-sale 1"));
    }

    @Test
    public void csvExportWithAColumnProfileIsImported() throws Exception {
        String receipt = "C" + UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("till-", ".csv");
        Files.writeString(file, "receipt_no,sale_time,barcode,item_name,qty,unit_price,payment\n"
                + receipt + ",2026-11-26 09:15:30,6901234567892,农夫山泉 550ml,2,3.50,ALIPAY\n"
                + receipt + "x,2026-11-26 09:16:30,6901234567893,bad barcode,1,3.50,ALIPAY\n",
                StandardCharsets.UTF_8);
        String options = " --option csv.columns.receipt=receipt_no --option csv.columns.time=sale_time"
                + " --option csv.columns.gtin=barcode --option csv.columns.name=item_name"
                + " --option csv.columns.quantity=qty --option csv.columns.unitPrice=unit_price"
                + " --option csv.columns.tender=payment --option csv.amounts=yuan --option csv.pos=T9"
                + " --option csv.tenderMap.ALIPAY=alipay";

        String output = execute("storelink:import " + file + " --store " + DEMO_STORE + " --format csv" + options);

        assertThat(output, containsString("Accepted: 1"));
        assertThat(output, containsString("Rejected: 1"));
        assertThat(output, containsString("check digit"));
        eventually(Duration.ofSeconds(60), "CSV sale in the ledger",
                () -> ledger.contains(DEMO_STORE + "/T9/" + receipt));
    }

    @Test
    public void signedShopifyOrderIsRecordedOnceAndAForgedOneRefused() throws Exception {
        String shop = "itest-shop.myshopify.com";
        String secret = "shopify-app-secret-for-itest";
        Configuration config = configurationAdmin.getConfiguration("org.storelink.pos.platform", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("shopify.shops", new String[] {shop + "=" + DEMO_STORE});
        properties.put("shopify.secrets", new String[] {shop + "=" + secret});
        properties.put("shopify.gtins", new String[] {shop + "/TEA-500=6901234567892"});
        config.update(properties);
        long orderId = 5_234_567_890_123_456_789L - (System.nanoTime() % 1000);
        String body = "{\"id\":" + orderId + ",\"created_at\":\"2026-11-26T09:15:30+08:00\",\"currency\":\"CNY\","
                + "\"test\":false,\"financial_status\":\"paid\",\"taxes_included\":true,\"total_tax\":\"0.00\","
                + "\"total_price\":\"7.00\",\"total_discounts\":\"0.00\",\"payment_gateway_names\":[\"alipay\"],"
                + "\"line_items\":[{\"id\":1,\"sku\":\"TEA-500\",\"title\":\"Green tea 500ml\",\"quantity\":2,"
                + "\"price\":\"3.50\",\"total_discount\":\"0.00\",\"discount_allocations\":[]}],"
                + "\"shipping_lines\":[]}";
        try {
            HttpResponse<String> forged = postShopify(shop, body, "not-the-secret-of-this-shop", "ev-" + orderId);
            assertEquals(forged.body(), 401, forged.statusCode());

            HttpResponse<String> accepted = postShopify(shop, body, secret, "ev-" + orderId);
            HttpResponse<String> redelivered = postShopify(shop, body, secret, "ev-" + orderId);

            assertEquals(accepted.body(), 202, accepted.statusCode());
            assertEquals(redelivered.body(), 202, redelivered.statusCode());
            String saleId = DEMO_STORE + "/shopify/" + orderId;
            eventually(Duration.ofSeconds(60), "Shopify order in the ledger", () -> ledger.contains(saleId));
            assertEquals(1, ledger.count(saleId));
        } finally {
            config.delete();
        }
    }

    private static HttpResponse<String> postShopify(String shop, String body, String secret, String eventId)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + HTTP_PORT + "/storelink/api/v1/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", signature)
                .header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Webhook-Id", eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30))
                .build();
        // The platform component re-activates with the new configuration; retry until it answers.
        HttpResponse<String> response = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 404 && response.statusCode() != 503) {
                return response;
            }
            Thread.sleep(200);
        }
        return response;
    }
}
