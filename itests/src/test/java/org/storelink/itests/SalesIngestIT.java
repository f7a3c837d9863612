package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.storelink.ledger.SalesQueries;

/** A store posts sales over HTTP to the running distribution; the ledger and the console show them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesIngestIT extends StorelinkTestSupport {

    @Inject
    private SalesQueries ledger;

    private static String receipt() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    public void postedSaleReachesTheLedgerAndTheSalesSummary() throws Exception {
        String receipt = receipt();
        HttpResponse<String> response = postSale(DEMO_STORE, greenTeaSale(receipt), DEMO_SECRET);

        assertEquals(response.body(), 202, response.statusCode());
        String saleId = DEMO_STORE + "/till-1/" + receipt;
        assertThat(response.body(), containsString("\"saleId\":\"" + saleId + "\""));
        eventually(Duration.ofSeconds(30), "sale " + saleId + " in the ledger", () -> ledger.contains(saleId));

        String summary = execute("storelink:sales-summary --store " + DEMO_STORE + " --day 2026-11-26");
        assertThat(summary, containsString("Green tea 500ml"));
        assertThat(summary, containsString("06901234567892"));
        assertThat(summary, containsString("CNY "));
        long sales = ledger.summary(java.util.Optional.of(DEMO_STORE),
                java.util.Optional.of(java.time.LocalDate.parse("2026-11-26")), 5).sales();
        assertThat(summary, containsString("Sales: " + sales));
    }

    @Test
    public void malformedSaleIsRefusedWithEveryBadFieldNamed() throws Exception {
        String body = "{\"posId\":\"till-1\",\"receiptNo\":\"" + receipt() + "\",\"occurredAt\":\"yesterday\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"6901234567893\",\"quantity\":\"two\",\"unitPrice\":3.5}],"
                + "\"tenders\":[{\"type\":\"alipay\",\"amount\":700}]}";

        HttpResponse<String> response = postSale(DEMO_STORE, body, DEMO_SECRET);

        assertEquals(response.body(), 400, response.statusCode());
        assertThat(response.headers().firstValue("Content-Type").orElse(""), containsString("application/problem+json"));
        assertThat(response.body(), containsString("\"field\":\"occurredAt\""));
        assertThat(response.body(), containsString("\"field\":\"lines[0].gtin\""));
        assertThat(response.body(), containsString("\"field\":\"lines[0].quantity\""));
        assertThat(response.body(), containsString("\"field\":\"lines[0].unitPrice\""));
    }

    @Test
    public void resentSaleIsAcceptedAndStoredOnce() throws Exception {
        String receipt = receipt();
        String saleId = DEMO_STORE + "/till-1/" + receipt;
        assertEquals(202, postSale(DEMO_STORE, greenTeaSale(receipt), DEMO_SECRET).statusCode());
        eventually(Duration.ofSeconds(30), "first copy stored", () -> ledger.contains(saleId));

        assertEquals(202, postSale(DEMO_STORE, greenTeaSale(receipt), DEMO_SECRET).statusCode());
        // A later sale is the barrier: once it is stored, the resend has been through the pipeline too.
        String later = receipt();
        assertEquals(202, postSale(DEMO_STORE, greenTeaSale(later), DEMO_SECRET).statusCode());
        eventually(Duration.ofSeconds(30), "later sale stored",
                () -> ledger.contains(DEMO_STORE + "/till-1/" + later));

        assertEquals(1, ledger.count(saleId));
    }

    @Test
    public void badSignatureAndUnknownStoreAreRefused() throws Exception {
        String body = greenTeaSale(receipt());

        HttpResponse<String> forged = postSale(DEMO_STORE, body, "not-the-store-secret-at-all");
        HttpResponse<String> unknown = postSale("no-such-store", body, DEMO_SECRET);

        assertEquals(forged.body(), 401, forged.statusCode());
        assertThat(forged.body(), containsString("does not match"));
        assertEquals(unknown.body(), 404, unknown.statusCode());
        assertThat(unknown.body(), containsString("no-such-store"));
    }

    @Test
    public void storeListShowsTheDemoStores() throws Exception {
        String output = execute("storelink:store-list");

        assertThat(output, containsString(DEMO_STORE));
        assertThat(output, containsString("student"));
        assertThat(output, containsString("Asia/Shanghai"));
    }
}
