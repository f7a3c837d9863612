package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.storelink.model.Money;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.json.Json;

class CamelSettlementPublisherTest extends CamelTestSupport {
    private static final SettlementRecorded EVENT = new SettlementRecorded("e-1", Fixtures.CLOCK.instant(),
            "bank-statements:console:day.xml", new Settlement("NL77ABNA0574908765:REF-1", "sh-campus-001",
            "NL77ABNA0574908765", -57921, "CHF", LocalDate.of(2021, 9, 14), LocalDate.of(2021, 9, 14), "REF-1",
            List.of(new Settlement.Detail(-57921L, new Money(-52239, "EUR"), "SP-98803960-0", "Devis DEV-01387",
                    "Batelier")), "S-1"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refusing").throwException(new IllegalStateException("AMQP link refused"));
            }
        };
    }

    @Test
    void theEventIsJsonTextWithTheSettlementIdAsDuplicateId() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedHeaderReceived("_AMQ_DUPL_ID", "NL77ABNA0574908765:REF-1");

        new CamelSettlementPublisher(template(), "mock:sent").publish(EVENT);

        sent.assertIsSatisfied();
        String body = sent.getExchanges().get(0).getMessage().getBody(String.class);
        assertThat(Json.read(body.getBytes(StandardCharsets.UTF_8), SettlementRecorded.class)).isEqualTo(EVENT);
        assertThat(body).contains("\"settlementId\":\"NL77ABNA0574908765:REF-1\"").contains("\"amount\":-57921")
                .contains("\"bookingDate\":\"2021-09-14\"");
    }

    @Test
    void aRefusedSendFailsWithTheBrokersReason() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new CamelSettlementPublisher(template(), "direct:refusing").publish(EVENT))
                .withMessage("AMQP link refused");
    }

    @Test
    void thePlatformSendsPersistentlyToTheSettlementsAddress() {
        assertThat(CamelSettlementPublisher.jmsUri())
                .isEqualTo("jms:topic:storelink.settlements.recorded?deliveryPersistent=true");
    }
}
