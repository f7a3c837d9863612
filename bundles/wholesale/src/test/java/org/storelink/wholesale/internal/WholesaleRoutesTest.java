package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.wholesale.internal.TestWorld.NOW;
import static org.storelink.wholesale.internal.TestWorld.TEA;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.messaging.DeadLetterHeaders;
import org.storelink.model.json.Json;
import org.storelink.wholesale.Quantity;

/**
 * The sales route and a wholesaler's inbound route with camel-test-junit5, without a broker: inputs from direct:,
 * dead letters to mock:dlq, replies to the partner intercepted to mock:out.
 */
class WholesaleRoutesTest extends CamelTestSupport {
    private static final String SALE = """
            {"eventId": "e-1", "recordedAt": "2026-11-26T01:16:00Z", "source": "pos-webhook",
             "sale": {"storeId": "s1", "posId": "till-1", "receiptNo": "000123",
                      "occurredAt": "2026-11-25T23:30:00+08:00", "currency": "CNY",
                      "lines": [{"lineNo": 1, "gtin": "06901234567892", "name": "Green tea 500ml", "quantity": 2,
                                 "unitPrice": 350, "discount": 0}],
                      "tenders": [{"type": "cash", "amount": 700}]}}
            """;

    private JdbcDataSource database;
    private JdbcWholesale db;
    private WholesaleService service;
    private TestWorld.CapturingSender sender;

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected void doPreSetup() throws Exception {
        database = TestWorld.h2();
        sender = new TestWorld.CapturingSender();
        service = TestWorld.service(database, sender, TestWorld.clock());
        db = new JdbcWholesale(database);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("jms", new StubComponent());
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        TestWorld.Stores stores = new TestWorld.Stores();
        return new RoutesBuilder[] {
            new SalesRoutes(db, id -> stores.store(id).map(org.storelink.model.Store::zone), 3, 1,
                    TestWorld.clock(), "mock:dlq"),
            new PartnerRoutes("acme", new PartnerMessages(service, TestWorld.clock()), 3, TestWorld.clock(),
                    "mock:dlq", "mock:out")
        };
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, SalesRoutes.ROUTE_ID, route -> route.replaceFromWith("direct:sales"));
        AdviceWith.adviceWith(context, PartnerRoutes.routeId("acme"), route -> route.replaceFromWith("direct:acme"));
        context.start();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        TestWorld.shutdownH2(database);
    }

    private Exchange deliver(String endpoint, String body, int deliveryCount, String type) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            exchange.getMessage().setHeader("JMSMessageID", "ID:partner-message-1");
            if (type != null) {
                exchange.getMessage().setHeader("type", type);
            }
        });
    }

    private List<Exchange> received(String mock) {
        return getMockEndpoint(mock).getReceivedExchanges();
    }

    private JsonNode lastReply() throws Exception {
        List<Exchange> replies = received("mock:out");
        assertThat(replies).isNotEmpty();
        return Json.mapper().readTree(replies.get(replies.size() - 1).getMessage().getBody(String.class));
    }

    @Test
    void theInputsAreTheModulesOwnQueuesTransacted() {
        assertThat(SalesRoutes.inputUri(2))
                .startsWith("jms:queue:storelink.sales.recorded::wholesale.sales?transacted=true&");
        assertThat(PartnerRoutes.inputUri("acme")).startsWith("jms:queue:partner.acme.in?transacted=true");
        assertThat(PartnerRoutes.outUri("acme")).isEqualTo("jms:queue:partner.acme.out?transacted=true");
        assertThat(DeadLetters.URI).isEqualTo("jms:queue:storelink.dlq?transacted=true");
    }

    @Test
    void aSaleIsCountedOnceOnTheBusinessDayOfItsStore() {
        Exchange first = deliver("direct:sales", SALE, 1, null);
        Exchange again = deliver("direct:sales", SALE, 2, null);
        assertThat(first.getMessage().getHeader(SalesRoutes.COUNTED_HEADER)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(SalesRoutes.COUNTED_HEADER)).isEqualTo(false);
        // 23:30 in Shanghai on the 25th
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertThat(db.dailyUnits("s1", day, day).get(TEA).get(day)).isEqualByComparingTo("2");
        assertThat(received("mock:dlq")).isEmpty();
    }

    @Test
    void anInvalidSaleIsDeadLetteredAtOnceWithTheReason() {
        deliver("direct:sales", SALE.replace("06901234567892", "06901234567893"), 1, null);
        deliver("direct:sales", "not json", 1, null);
        assertThat(received("mock:dlq")).hasSize(2);
        assertThat(received("mock:dlq").get(0).getMessage().getHeader(DeadLetterHeaders.REASON, String.class))
                .contains("sale.lines[0].gtin").contains("check digit");
        assertThat(received("mock:dlq").get(0).getMessage().getHeader(DeadLetterHeaders.ORIGINAL_QUEUE))
                .isEqualTo("wholesale.sales");
        assertThat(received("mock:dlq").get(1).getMessage().getHeader(DeadLetterHeaders.REASON, String.class))
                .startsWith("$: not a SaleRecorded JSON event");
    }

    @Test
    void aSupplierCatalogReplacesTheProductsAndIsAcknowledged() throws Exception {
        String catalog = """
                {"type": "supplier-catalog", "products": [
                  {"gtin": "6901234567892", "name": "Green tea 500ml", "packSize": 12, "leadTimeDays": 1,
                   "currency": "CNY", "tiers": [{"minQuantity": 1, "unitPrice": 199}]}]}
                """;
        deliver("direct:acme", catalog, 1, null);

        JsonNode reply = lastReply();
        assertThat(reply.path("type").asText()).isEqualTo("supplier-catalog-accepted");
        assertThat(reply.path("products").asInt()).isEqualTo(1);
        assertThat(received("mock:out").get(0).getMessage().getHeader("JMSCorrelationID"))
                .isEqualTo("ID:partner-message-1");
        assertThat(service.catalogs().supplier("acme").orElseThrow().products()).singleElement()
                .satisfies(product -> assertThat(product.packSize()).isEqualTo(12));
        assertThat(db.catalogs()).containsKey("acme");
        assertThat(received("mock:dlq")).isEmpty();
    }

    @Test
    void aMalformedCatalogIsDeadLetteredAndThePartnerToldEveryProblem() throws Exception {
        String catalog = """
                {"type": "supplier-catalog", "colour": "red", "products": [
                  {"gtin": "6901234567893", "name": "", "packSize": 0, "leadTimeDays": 1, "currency": "XYZ",
                   "tiers": [{"minQuantity": 10, "unitPrice": 199}, {"minQuantity": 5, "unitPrice": 1.5}]}]}
                """;
        deliver("direct:acme", catalog, 1, "supplier-catalog");

        assertThat(received("mock:dlq")).singleElement().satisfies(dead -> {
            assertThat(dead.getMessage().getHeader(DeadLetterHeaders.ORIGINAL_ADDRESS)).isEqualTo("partner.acme.in");
            assertThat(dead.getMessage().getHeader(DeadLetterHeaders.REASON, String.class))
                    .contains("colour: unknown field").contains("products[0].gtin: check digit is 3, expected 2");
        });
        JsonNode reply = lastReply();
        assertThat(reply.path("type").asText()).isEqualTo("error");
        assertThat(reply.path("inReplyTo").asText()).isEqualTo("ID:partner-message-1");
        assertThat(reply.path("problems")).extracting(JsonNode::asText).contains(
                "colour: unknown field",
                "products[0].gtin: check digit is 3, expected 2",
                "products[0].name: must be a non-empty string",
                "products[0].packSize: must be from 1 to 100000, is 0",
                "products[0].tiers[1].minQuantity: must be above the previous tier's 10",
                "products[0].tiers[1].unitPrice: must be a whole number");
        assertThat(reply.path("problems").toString()).contains("products[0].currency: unknown ISO 4217 code");
        assertThat(received("mock:out").get(0).getMessage().getHeaders()).doesNotContainKey(DeadLetterHeaders.REASON);
    }

    @Test
    void anOrderResponseIsAppliedAndAcknowledged() throws Exception {
        service.confirmOrder("s1", List.of(new Quantity(TEA, new BigDecimal("48"))));
        service.cutoff();
        PurchaseOrder order = sender.sent.get(0).order();
        String edi = DocumentsTest.ordrsp("4", "LIN+1+3+06901234567892:SRV'QTY+113:24'")
                .replace("PO-20261126-K3J9Q2M4", order.poId());

        deliver("direct:acme", edi, 1, null);

        JsonNode reply = lastReply();
        assertThat(reply.path("type").asText()).isEqualTo("order-response-accepted");
        assertThat(reply.path("purchaseOrderId").asText()).isEqualTo(order.poId());
        assertThat(reply.path("lines").get(0).path("status").asText()).isEqualTo("changed");
        assertThat(reply.path("lines").get(0).path("confirmedQuantity").asLong()).isEqualTo(24);
        assertThat(service.orders("s1", 1).get(0).lines().get(0).allocatedQuantity()).isEqualTo(24);
        assertThat(received("mock:dlq")).isEmpty();
    }

    @Test
    void anUnreadableOrAlienResponseIsDeadLetteredWithAnErrorReply() throws Exception {
        deliver("direct:acme", "<OrderResponse xmlns=\"" + UblResponseReader.RESPONSE_NS + "\"><broken>", 1, null);
        deliver("direct:acme", DocumentsTest.ublResponse("AP", ""), 1, "order-response");
        deliver("direct:acme", "hello", 1, null);

        assertThat(received("mock:dlq")).hasSize(3);
        assertThat(received("mock:out")).hasSize(3);
        List<String> reasons = received("mock:out").stream().map(e -> {
            try {
                return Json.mapper().readTree(e.getMessage().getBody(String.class)).path("problems").get(0).asText();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
        assertThat(reasons.get(0)).startsWith("XML: not well-formed");
        assertThat(reasons.get(1)).isEqualTo("order reference: no purchase order PO-20261126-K3J9Q2M4");
        assertThat(reasons.get(2)).startsWith("$: not a supplier-catalog JSON, a UBL OrderResponse or an EDIFACT");
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLetteredWithoutBlamingThePartner() throws Exception {
        String catalog = "{\"type\": \"supplier-catalog\", \"products\": []}";
        TestWorld.shutdownH2(database);
        Exchange first = deliver("direct:acme", catalog, 1, null);
        assertThat(first.getException()).isNotNull();
        assertThat(received("mock:dlq")).isEmpty();
        deliver("direct:acme", catalog, 3, null);
        assertThat(received("mock:dlq")).hasSize(1);
        assertThat(received("mock:out")).isEmpty();
        database = TestWorld.h2();
    }

}
