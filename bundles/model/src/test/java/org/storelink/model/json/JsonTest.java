package org.storelink.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.AgeBand;
import org.storelink.model.AreaProfile;
import org.storelink.model.Coordinates;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.SaleValidator;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

class JsonTest {

    static Sale richSale() {
        Gtin apples = Gtin.parse("4006381333931");
        Gtin tea = Gtin.parse("6901234567892");
        return new Sale("s1", "till-1", "000124", OffsetDateTime.parse("2026-11-26T09:15:30.123456789+08:00"), "CNY",
                List.of(new SaleLine(1, apples, "Apples, loose", new BigDecimal("0.532"), 1280, 81, "FRUIT10", null),
                        new SaleLine(2, tea, "Green tea 500ml", new BigDecimal("2"), 350, 0, null, null),
                        new SaleLine(3, tea, "Green tea 500ml", new BigDecimal("-1"), 350, 0, null, 2),
                        new SaleLine(4, apples, "Apples, loose", new BigDecimal("1.500"), 1280, 0, null, null)),
                0, 301,
                List.of(new Adjustment(AdjustmentType.COUPON, -100, "WELCOME1")),
                List.of(new Tender(TenderType.CASH, 5000, null), new Tender(TenderType.WECHAT, 230, "wx-778")),
                2460, 2770L, "c-7f3a", AgeBand.AGE_18_24);
    }

    @Test
    void theFixtureIsAValidSale() {
        assertThat(SaleValidator.validate(richSale())).isEmpty();
    }

    @Test
    void saleRecordedRoundTripsExactly() {
        SaleRecorded event = new SaleRecorded("9b2f0c1e-0d7a-4d55-9a43-0a4c1f1f2f10",
                Instant.parse("2026-11-26T01:15:31.250Z"), "pos-webhook", richSale());

        byte[] json = Json.write(event);
        SaleRecorded back = Json.read(json, SaleRecorded.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.sale().occurredAt().getOffset()).isEqualTo(event.sale().occurredAt().getOffset());
        assertThat(back.sale().lines().get(3).quantity()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void canonicalFieldNamesAndValueForms() throws Exception {
        JsonNode sale = Json.mapper().readTree(Json.write(richSale()));

        assertThat(sale.get("tax").asLong()).isZero();
        assertThat(sale.get("total").asLong()).isEqualTo(2770);
        assertThat(sale.get("change").asLong()).isEqualTo(2460);
        assertThat(sale.has("taxAdded")).isFalse();
        assertThat(sale.has("statedTotal")).isFalse();
        assertThat(sale.get("occurredAt").textValue()).isEqualTo("2026-11-26T09:15:30.123456789+08:00");
        assertThat(sale.get("ageBand").textValue()).isEqualTo("18-24");
        assertThat(sale.get("tenders").get(1).get("type").textValue()).isEqualTo("wechat");
        assertThat(sale.get("adjustments").get(0).get("type").textValue()).isEqualTo("coupon");
        JsonNode line = sale.get("lines").get(0);
        assertThat(line.get("gtin").textValue()).isEqualTo("04006381333931");
        assertThat(line.get("quantity").isBigDecimal()).isTrue();
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("lineNo", "gtin", "name", "quantity", "unitPrice", "discount",
                "promotionCode", "voidsLine");
    }

    @Test
    void bigDecimalsAreWrittenPlain() {
        SaleLine line = new SaleLine(1, Gtin.parse("96385074"), "bulk", new BigDecimal("1E-3"), 1, 0, null, null);
        assertThat(new String(Json.write(line), StandardCharsets.UTF_8)).contains("\"quantity\":0.001");
    }

    @Test
    void storeRoundTripsWithZoneAndAreaAsText() throws Exception {
        Store store = new Store("s1", "Wujiaochang", "east", AreaProfile.STUDENT, ZoneId.of("Asia/Shanghai"),
                new Coordinates(31.3, 121.51));

        JsonNode tree = Json.mapper().readTree(Json.write(store));

        assertThat(tree.get("zone").textValue()).isEqualTo("Asia/Shanghai");
        assertThat(tree.get("area").textValue()).isEqualTo("student");
        assertThat(Json.read(Json.write(store), Store.class)).isEqualTo(store);
    }

    @Test
    void enumsAreReadCaseInsensitivelyWhereDocumented() {
        byte[] json = "{\"id\":\"s2\",\"zone\":\"Asia/Tokyo\",\"area\":\"Tourist\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Json.read(json, Store.class).area()).isEqualTo(AreaProfile.TOURIST);
    }

    @Test
    void eventsWithNewerFieldsStillRead() {
        byte[] json = "{\"type\":\"cash\",\"amount\":700,\"reference\":null,\"addedLater\":true}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Json.read(json, Tender.class)).isEqualTo(new Tender(TenderType.CASH, 700, null));
    }

    @Test
    void fractionsInMinorUnitFieldsAreNotTruncated() {
        byte[] json = "{\"type\":\"cash\",\"amount\":7.5}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.read(json, Tender.class)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void invalidGtinInAnEventIsRefused() {
        byte[] json = "{\"gtin\":\"6901234567893\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.read(json, org.storelink.model.Product.class))
                .hasMessageContaining("check digit is 3, expected 2");
    }
}
