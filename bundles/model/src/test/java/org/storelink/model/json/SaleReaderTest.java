package org.storelink.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;

class SaleReaderTest {

    private static final String EXAMPLE = """
            {"posId":"till-1","receiptNo":"000123","occurredAt":"2026-11-26T09:15:30+08:00","currency":"CNY",\
            "lines":[{"gtin":"6901234567892","name":"Green tea 500ml","quantity":2,"unitPrice":350,"discount":0,\
            "promotionCode":null}],"tenders":[{"type":"alipay","amount":700,"reference":"2026112622001"}],\
            "customerRef":null}""";

    private static SaleReader.Result read(String json) {
        return SaleReader.read(json.getBytes(StandardCharsets.UTF_8), "s1");
    }

    /** The example with one JSON fragment replaced, to break one thing at a time. */
    private static SaleReader.Result readExampleWith(String fragment, String replacement) {
        assertThat(EXAMPLE).contains(fragment);
        return read(EXAMPLE.replace(fragment, replacement));
    }

    private static List<String> messages(SaleReader.Result result) {
        return result.violations().stream().map(Violation::toString).toList();
    }

    @Test
    void theDocumentedExampleReadsAndValidates() {
        SaleReader.Result result = read(EXAMPLE);

        assertThat(result.violations()).isEmpty();
        assertThat(result.ok()).isTrue();
        Sale sale = result.sale();
        assertThat(sale.saleId()).isEqualTo("s1/till-1/000123");
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(sale.currency()).isEqualTo("CNY");
        assertThat(sale.lines()).containsExactly(new SaleLine(1, Gtin.parse("6901234567892"), "Green tea 500ml",
                new BigDecimal("2"), 350, 0, null, null));
        assertThat(sale.tenders()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TenderType.ALIPAY);
            assertThat(t.reference()).isEqualTo("2026112622001");
        });
        assertThat(sale.total()).isEqualTo(700);
        assertThat(sale.statedTotal()).isNull();
        assertThat(sale.customerRef()).isNull();
    }

    @Test
    void everyTypeErrorIsReportedWithItsPath() {
        String body = """
                {"posId":true,"receiptNo":"1","occurredAt":"2026-11-26 09:15","currency":"XYZ",
                 "lines":[{"gtin":"6901234567892","name":"tea","quantity":"2","unitPrice":350},
                          {"gtin":"6901234567893","name":"tea","quantity":1,"unitPrice":"350"},
                          "tea"],
                 "tenders":[{"type":"bitcoin","amount":700}],
                 "ageBand":"young"}""";

        SaleReader.Result result = read(body);

        assertThat(result.sale()).isNull();
        assertThat(result.ok()).isFalse();
        assertThat(result.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "posId", "occurredAt", "currency", "lines[0].quantity", "lines[1].gtin", "lines[1].unitPrice",
                "lines[2]", "tenders[0].type", "ageBand");
        assertThat(messages(result)).contains(
                "posId: must be a string, not a boolean",
                "occurredAt: must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:15:30+08:00",
                "currency: unknown ISO 4217 code \"XYZ\"",
                "lines[0].quantity: must be a number, not a string",
                "lines[1].gtin: check digit is 3, expected 2",
                "lines[2]: must be an object, not a string");
        assertThat(messages(result)).anySatisfy(m -> assertThat(m)
                .startsWith("lines[1].unitPrice: must be an integer number of minor units")
                .contains("integer minor units"));
    }

    @Test
    void moneyWithAFractionIsRejectedNotRounded() {
        SaleReader.Result result = readExampleWith("\"unitPrice\":350", "\"unitPrice\":7.5");

        assertThat(result.ok()).isFalse();
        assertThat(messages(result)).containsExactly(
                "lines[0].unitPrice: must be an integer number of minor units (e.g. 350 for CNY 3.50);"
                        + " 7.5 is not integer minor units");
    }

    @Test
    void moneyWrittenAsADecimalWithZeroFractionIsStillRejected() {
        assertThat(readExampleWith("\"amount\":700", "\"amount\":700.0").violations())
                .extracting(Violation::path).containsExactly("tenders[0].amount");
    }

    @Test
    void malformedJsonIsOneViolationAtTheRoot() {
        SaleReader.Result result = read("{\"posId\":\"till-1\",");

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$");
            assertThat(v.message()).startsWith("is not valid JSON").contains("line 1");
        });
    }

    @Test
    void emptyOrNonObjectBodiesAreRejected() {
        assertThat(messages(read(""))).containsExactly("$: is empty; expected a JSON object");
        assertThat(messages(SaleReader.read(null, "s1"))).containsExactly("$: is empty; expected a JSON object");
        assertThat(messages(read("[1,2]"))).containsExactly("$: must be a JSON object, not an array");
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreMalformed() {
        assertThat(readExampleWith("\"amount\":700", "\"amount\":1,\"amount\":700").violations())
                .extracting(Violation::path).containsExactly("$");
        assertThat(read(EXAMPLE + " {}").violations()).extracting(Violation::path).containsExactly("$");
    }

    @Test
    void hugeValuesAreRejectedWithoutOverflowOrStalls() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(messages(readExampleWith("\"unitPrice\":350", "\"unitPrice\":123456789012345678901234567890")))
                    .containsExactly("lines[0].unitPrice: must be at most 10000000000000 minor units in magnitude");
            assertThat(readExampleWith("\"amount\":700", "\"amount\":9223372036854775807").violations())
                    .extracting(Violation::path).containsExactly("tenders[0].amount");
            assertThat(readExampleWith("\"quantity\":2", "\"quantity\":1e999999999").violations())
                    .extracting(Violation::path).containsExactly("lines[0].quantity");
            assertThat(readExampleWith("\"quantity\":2", "\"quantity\":1e-999999999").violations())
                    .extracting(Violation::path).contains("lines[0].quantity");
            assertThat(read("{\"posId\":\"" + "9".repeat(5000) + "\"}").ok()).isFalse();
        });
    }

    @Test
    void idsSentAsNumbersAreReadAsTheirDigits() {
        SaleReader.Result result = readExampleWith("\"posId\":\"till-1\",\"receiptNo\":\"000123\"",
                "\"posId\":7,\"receiptNo\":12345678901234567890123");

        assertThat(result.ok()).isTrue();
        assertThat(result.sale().saleId()).isEqualTo("s1/7/12345678901234567890123");
        assertThat(readExampleWith("\"receiptNo\":\"000123\"", "\"receiptNo\":1.5").violations())
                .extracting(Violation::toString).containsExactly("receiptNo: must be a string, not a number");
    }

    @Test
    void missingLineNumbersFollowThePosition() {
        String body = EXAMPLE.replace("\"lines\":[{", "\"lines\":[{\"lineNo\":7,")
                .replace("}],\"tenders\"", "},{\"gtin\":\"4006381333931\",\"quantity\":0.532,\"unitPrice\":1280,"
                        + "\"discount\":81}],\"tenders\"")
                .replace("\"amount\":700", "\"amount\":1300");

        SaleReader.Result result = read(body);

        assertThat(result.violations()).isEmpty();
        assertThat(result.sale().lines()).extracting(SaleLine::lineNo).containsExactly(7, 2);
        assertThat(result.sale().lines().get(1).quantity()).isEqualTo(new BigDecimal("0.532"));
        assertThat(result.sale().lines().get(1).name()).isNull();
    }

    @Test
    void storeIdInTheBodyMustMatchTheStoreItWasSentFor() {
        assertThat(readExampleWith("{\"posId\"", "{\"storeId\":\"s1\",\"posId\"").ok()).isTrue();
        assertThat(messages(readExampleWith("{\"posId\"", "{\"storeId\":\"s2\",\"posId\"")))
                .containsExactly("storeId: is \"s2\" but this sale was sent for store \"s1\"");
    }

    @Test
    void unknownAndMissingFieldsAreReported() {
        String body = EXAMPLE.replace("\"currency\":\"CNY\",", "\"curency\":\"CNY\",")
                .replace("\"unitPrice\":350,", "\"unitprice\":350,");

        assertThat(read(body).violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "curency", "currency", "lines[0].unitprice", "lines[0].unitPrice");
    }

    @Test
    void optionalFieldsAreRead() {
        String body = EXAMPLE.replace("\"customerRef\":null",
                "\"customerRef\":\"c-1\",\"ageBand\":\"65+\",\"tax\":0,\"taxIncluded\":81,\"change\":0,\"total\":600,"
                        + "\"adjustments\":[{\"type\":\"coupon\",\"amount\":-100,\"reference\":\"WELCOME1\"}]")
                .replace("\"amount\":700", "\"amount\":600");

        SaleReader.Result result = read(body);

        assertThat(result.violations()).isEmpty();
        assertThat(result.sale().statedTotal()).isEqualTo(600L);
        assertThat(result.sale().taxIncluded()).isEqualTo(81);
        assertThat(result.sale().adjustments()).singleElement().satisfies(a -> assertThat(a.amount()).isEqualTo(-100));
        assertThat(result.sale().customerRef()).isEqualTo("c-1");
    }

    @Test
    void businessRulesRunOnceTheBodyMaps() {
        SaleReader.Result result = readExampleWith("\"amount\":700", "\"amount\":600");

        assertThat(result.sale()).isNull();
        assertThat(messages(result)).containsExactly("tenders: tenders less change are CNY 6.00"
                + " but lines less discounts plus tax and adjustments are CNY 7.00");
    }

    @Test
    void aCanonicalSaleReadsBackAsTheSameSale() {
        Sale sale = JsonTest.richSale();

        SaleReader.Result result = SaleReader.read(Json.write(sale), "s1");

        assertThat(result.violations()).isEmpty();
        assertThat(result.sale()).isEqualTo(sale);
    }
}
