package org.storelink.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.PaymentRecorded;
import org.storelink.model.PaymentStatus;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.EventReader.Envelope;
import org.storelink.model.json.EventReader.UnreadableEventException;

class EventReaderTest {
    private static final String SALE = """
            {"eventId": "e-1", "recordedAt": "2026-11-26T01:16:00Z", "source": "pos-webhook",
             "sale": {"storeId": "s1", "posId": "till-1", "receiptNo": "000123",
                      "occurredAt": "2026-11-25T23:30:00+08:00", "currency": "CNY",
                      "lines": [{"lineNo": 1, "gtin": "06901234567892", "name": "Green tea 500ml", "quantity": 2,
                                 "unitPrice": 350, "discount": 0}],
                      "tenders": [{"type": "cash", "amount": 700}]}}
            """;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode sale() throws Exception {
        return (ObjectNode) Json.mapper().readTree(SALE);
    }

    private static String refused(ThrowingRead read) {
        try {
            read.run();
        } catch (UnreadableEventException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the event to be refused");
    }

    @FunctionalInterface
    private interface ThrowingRead {
        void run() throws Exception;
    }

    @Test
    void readsAValidSaleEventThroughTheSubmissionReader() throws Exception {
        SaleRecorded event = EventReader.sale(bytes(SALE));

        assertThat(event.eventId()).isEqualTo("e-1");
        assertThat(event.source()).isEqualTo("pos-webhook");
        assertThat(event.recordedAt()).isEqualTo(Instant.parse("2026-11-26T01:16:00Z"));
        assertThat(event.businessDay()).isNull();
        assertThat(event.sale().storeId()).isEqualTo("s1");
        assertThat(event.sale().total()).isEqualTo(700);
    }

    @Test
    void readsTheStatedBusinessDay() throws Exception {
        ObjectNode tree = sale().put("businessDay", "2026-11-25");

        assertThat(EventReader.sale(Json.write(tree)).businessDay()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(refused(() -> EventReader.sale(Json.write(tree.put("businessDay", "25.11.2026")))))
                .isEqualTo("businessDay: must be a date YYYY-MM-DD");
    }

    @Test
    void anEmptyOrNonJsonOrNonObjectBodyIsRefusedAtTheRoot() {
        assertThat(refused(() -> EventReader.sale(new byte[0])))
                .isEqualTo("$: empty message body, expected a SaleRecorded JSON event");
        assertThat(refused(() -> EventReader.sale(null)))
                .isEqualTo("$: empty message body, expected a SaleRecorded JSON event");
        assertThat(refused(() -> EventReader.sale(bytes("this is not JSON"))))
                .startsWith("$: not a SaleRecorded JSON event: ").doesNotContain("\n");
        assertThat(refused(() -> EventReader.sale(bytes("[1]"))))
                .isEqualTo("$: not a SaleRecorded JSON event: expected a JSON object");
        assertThat(refused(() -> EventReader.payment(bytes("7"))))
                .isEqualTo("$: not a PaymentRecorded JSON event: expected a JSON object");
    }

    @Test
    void everyEnvelopeProblemIsNamedWhenTheEnvelopeIsRequired() throws Exception {
        ObjectNode tree = sale();
        tree.remove("eventId");
        tree.put("source", " ");
        tree.put("recordedAt", "yesterday");

        assertThat(refused(() -> EventReader.sale(Json.write(tree)))).isEqualTo(
                "eventId: is required as a non-empty string; source: is required as a non-empty string; "
                        + "recordedAt: must be an ISO-8601 instant");
    }

    @Test
    void anOptionalEnvelopeIsReadWhenGivenButAGivenRecordedAtMustBeAnInstant() throws Exception {
        ObjectNode tree = sale();
        tree.remove("eventId");
        tree.remove("source");
        tree.remove("recordedAt");

        SaleRecorded event = EventReader.sale(Json.write(tree), Envelope.OPTIONAL);

        assertThat(event.eventId()).isNull();
        assertThat(event.source()).isNull();
        assertThat(event.recordedAt()).isNull();
        assertThat(event.sale().storeId()).isEqualTo("s1");
        assertThat(refused(() -> EventReader.sale(Json.write(tree.put("recordedAt", "soon")), Envelope.OPTIONAL)))
                .isEqualTo("recordedAt: must be an ISO-8601 instant");
    }

    @Test
    void theSaleIsCheckedLikeASubmissionWithEachProblemUnderSale() throws Exception {
        ObjectNode tree = sale();
        ((ObjectNode) tree.get("sale").get("lines").get(0)).put("gtin", "123").put("unitPrice", "cheap");

        UnreadableEventException e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableEventException.class,
                () -> EventReader.sale(Json.write(tree)));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sale.lines[0].gtin: "))
                .anySatisfy(p -> assertThat(p).startsWith("sale.lines[0].unitPrice: "));
        ((ObjectNode) tree.get("sale").get("lines").get(0)).put("gtin", "06901234567892").put("unitPrice", 350);
        ((ObjectNode) tree.get("sale")).putArray("tenders");
        assertThat(refused(() -> EventReader.sale(Json.write(tree)))).startsWith("sale.tenders: ");
        assertThat(e.getMessage()).isEqualTo(String.join("; ", e.problems()));
    }

    @Test
    void aMissingSaleOrStoreIsNamed() throws Exception {
        ObjectNode tree = sale();
        ((ObjectNode) tree.get("sale")).remove("storeId");
        assertThat(refused(() -> EventReader.sale(Json.write(tree)))).isEqualTo("sale.storeId: is required");

        tree.put("sale", "a sale");
        assertThat(refused(() -> EventReader.sale(Json.write(tree)))).isEqualTo("sale: is required");
    }

    @Test
    void readsAPaymentEventAndNamesTheFieldThatCannotBeBound() throws Exception {
        Payment payment = new Payment(Payment.idOf(PaymentProvider.ALIPAY, "T1"), PaymentProvider.ALIPAY, "s1",
                "ORDER-1", "T1", PaymentStatus.PAID, 700, 0, "CNY",
                OffsetDateTime.parse("2026-11-26T09:00:00+08:00"), null, null);
        PaymentRecorded recorded = new PaymentRecorded("alipay:1", Instant.parse("2026-11-26T01:16:00Z"),
                "payments-alipay", payment);
        ObjectNode tree = Json.mapper().valueToTree(recorded);

        assertThat(EventReader.payment(Json.write(tree))).isEqualTo(recorded);

        ((ObjectNode) tree.get("payment")).put("refunded", 900);
        assertThat(refused(() -> EventReader.payment(Json.write(tree))))
                .contains("must satisfy 0 <= refunded <= amount");

        tree.remove("eventId");
        tree.remove("payment");
        assertThat(refused(() -> EventReader.payment(Json.write(tree))))
                .isEqualTo("eventId: is required as a non-empty string; payment: is required");
    }

    @Test
    void aSettlementEventNeedsItsSettlement() {
        assertThat(refused(() -> EventReader.settlement(bytes("{\"eventId\":\"e\",\"recordedAt\":\"2026-11-28T02:00:00Z\"}"))))
                .isEqualTo("settlement: is required");
    }

    @Test
    void firstLineIsTheInnermostCausesFirstLine() {
        Exception e = new RuntimeException("outer", new IllegalStateException("inner\nmore"));

        assertThat(EventReader.firstLine(e)).isEqualTo("inner");
        assertThat(EventReader.firstLine(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void readTurnsAnUnreadableEventIntoTheCallersException() throws Exception {
        assertThat(EventReader.read(bytes(SALE), EventReader::sale, e -> new IllegalStateException(e.getMessage()))
                .eventId()).isEqualTo("e-1");
        assertThatThrownBy(() -> EventReader.read(bytes("[]"), EventReader::payment,
                e -> new IllegalStateException(e.getMessage())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("$: not a PaymentRecorded JSON event: expected a JSON object");
    }
}
