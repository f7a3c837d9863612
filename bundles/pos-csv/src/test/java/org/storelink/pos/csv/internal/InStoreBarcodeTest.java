package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.csv.internal.Fixtures.ean13;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.pos.csv.internal.CsvProfile.InStoreValue;

class InStoreBarcodeTest {

    private static final Map<Integer, InStoreValue> LAYOUTS = Map.of(21, InStoreValue.PRICE, 22,
            InStoreValue.WEIGHT, 29, InStoreValue.PRICE);

    @Test
    void testCheckDigitsAgreeWithKnownBarcodes() {
        // published example numbers with their printed check digits
        assertThat(ean13("400638133393")).isEqualTo("4006381333931");
        assertThat(ean13("690123456789")).isEqualTo("6901234567892");
        assertThat(ean13("978014300723")).isEqualTo("9780143007234");
    }

    @Test
    void priceLabelEmbedsMinorUnitsAndIsNamedByItsItem() {
        Gtin label = Gtin.parse(ean13("210004201234"));

        InStoreBarcode code = InStoreBarcode.decode(label, LAYOUTS).orElseThrow();

        assertThat(code.kind()).isEqualTo(InStoreValue.PRICE);
        assertThat(code.value()).isEqualTo(1234);
        assertThat(code.item()).isEqualTo(Gtin.parse(ean13("210004200000")));
    }

    @Test
    void weightLabelEmbedsGramsReadAsKilogramsWithThreeDecimals() {
        InStoreBarcode code = InStoreBarcode.decode(Gtin.parse(ean13("229876500532")), LAYOUTS).orElseThrow();

        assertThat(code.kind()).isEqualTo(InStoreValue.WEIGHT);
        assertThat(code.kilograms()).isEqualTo(new BigDecimal("0.532"));
        assertThat(code.item()).isEqualTo(Gtin.parse(ean13("229876500000")));
        assertThat(InStoreBarcode.decode(Gtin.parse(ean13("229876512000")), LAYOUTS).orElseThrow().kilograms())
                .isEqualTo(new BigDecimal("12.000"));
    }

    @Test
    void everyLabelOfOneItemHasTheSameCanonicalGtin() {
        for (int value = 0; value < 100_000; value += 7_919) {
            String twelve = "22" + "31415" + String.format("%05d", value);
            InStoreBarcode code = InStoreBarcode.decode(Gtin.parse(ean13(twelve)), LAYOUTS).orElseThrow();
            assertThat(code.item().value()).isEqualTo("0" + ean13("223141500000"));
            assertThat(code.value()).isEqualTo(value);
        }
    }

    @Test
    void otherNumbersAreNotInStoreLabels() {
        assertThat(InStoreBarcode.decode(Gtin.parse(ean13("690123456789")), LAYOUTS)).isEmpty();
        assertThat(InStoreBarcode.decode(Gtin.parse(ean13("230004201234")), LAYOUTS)).as("undeclared prefix")
                .isEmpty();
        assertThat(InStoreBarcode.decode(Gtin.parse(ean13("210004201234")), Map.of())).isEmpty();
        assertThat(InStoreBarcode.decode(Gtin.parse("21000423"), LAYOUTS)).as("EAN-8").isEmpty();
        assertThat(InStoreBarcode.decode(Gtin.parse("12100042012346"), LAYOUTS)).as("GTIN-14 with indicator")
                .isEmpty();
    }
}
