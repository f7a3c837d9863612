package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.branding.UnitSize;
import org.storelink.branding.UnitSize.Unit;
import org.storelink.model.Money;

class UnitPriceTest {

    private static Money per(long minor, String currency, String amount, Unit unit) {
        return UnitPrice.per(new Money(minor, currency), new UnitSize(new BigDecimal(amount), unit));
    }

    @Test
    void pricePerLitreAndKgIsExact() {
        assertThat(per(350, "CNY", "0.5", Unit.L)).isEqualTo(new Money(700, "CNY"));
        assertThat(per(1299, "CNY", "2.5", Unit.KG)).isEqualTo(new Money(520, "CNY")); // 519.6
        assertThat(per(99, "USD", "0.355", Unit.L)).isEqualTo(new Money(279, "USD")); // 278.87...
        assertThat(per(198, "JPY", "0.33", Unit.L)).isEqualTo(new Money(600, "JPY"));
        // floating point would give 0.1 + 0.2 trouble; 3 fen for 0.3 kg is exactly 10 fen/kg
        assertThat(per(3, "CNY", "0.3", Unit.KG)).isEqualTo(new Money(10, "CNY"));
        assertThat(per(Long.MAX_VALUE / 2, "CNY", "0.5", Unit.KG)).isEqualTo(new Money(Long.MAX_VALUE - 1, "CNY"));
    }

    @Test
    void halvesRoundToEven() {
        assertThat(per(25, "CNY", "2", Unit.PIECE)).isEqualTo(new Money(12, "CNY"));  // 12.5
        assertThat(per(35, "CNY", "2", Unit.PIECE)).isEqualTo(new Money(18, "CNY"));  // 17.5
        assertThat(per(1, "CNY", "0.4", Unit.KG)).isEqualTo(new Money(2, "CNY"));     // 2.5
        assertThat(per(3, "CNY", "0.4", Unit.KG)).isEqualTo(new Money(8, "CNY"));     // 7.5
        assertThat(per(1, "CNY", "0.3", Unit.KG)).isEqualTo(new Money(3, "CNY"));     // 3.33
    }

    @Test
    void labelsShowTheUnitPriceWithItsUnit() {
        LabelContent tea = LabelContent.of(TestData.item("6901234567892", "Green tea 500ml", 350, "0.5 L", null),
                PriceFormat.CODE);
        assertThat(tea.price()).isEqualTo("CNY 3.50");
        assertThat(tea.unitPrice()).contains("CNY 7.00/L");

        LabelContent rice = LabelContent.of(TestData.item("6901234567892", "Rice", 2599, "2.5 kg", null),
                PriceFormat.SYMBOL);
        assertThat(rice.price()).isEqualTo("¥25.99");
        assertThat(rice.unitPrice()).contains("¥10.40/kg");

        LabelContent single = LabelContent.of(TestData.item("6901234567892", "Apple", 300, "1 piece", null),
                PriceFormat.CODE);
        assertThat(single.unitPrice()).isEmpty();
        assertThat(LabelContent.of(TestData.item("6901234567892", "Eggs", 1200, "10 piece", null), PriceFormat.CODE)
                .unitPrice()).contains("CNY 1.20/piece");
    }

    @Test
    void sizesAreReadFromProductNames() {
        assertThat(UnitSizes.fromName("Green tea 500ml")).contains(size("0.5", Unit.L));
        assertThat(UnitSizes.fromName("Cola 6x330ml")).contains(size("1.98", Unit.L));
        assertThat(UnitSizes.fromName("Rice 2,5 kg")).contains(size("2.5", Unit.KG));
        assertThat(UnitSizes.fromName("Chocolate 45g")).contains(size("0.045", Unit.KG));
        assertThat(UnitSizes.fromName("Wine 75cl")).contains(size("0.75", Unit.L));
        assertThat(UnitSizes.fromName("纯牛奶 250毫升")).contains(size("0.25", Unit.L));
        assertThat(UnitSizes.fromName("大米 5千克")).contains(size("5", Unit.KG));
        assertThat(UnitSizes.fromName("Eggs 10pcs")).contains(size("10", Unit.PIECE));
        assertThat(UnitSizes.fromName("7Up 330ml")).contains(size("0.33", Unit.L));
        assertThat(UnitSizes.fromName("Milk 1L")).contains(size("1", Unit.L));
        assertThat(UnitSizes.fromName("Lollipop")).isEmpty();
        assertThat(UnitSizes.fromName("Gum 5 lemon")).isEmpty();
        assertThat(UnitSizes.fromName("Glue 0ml")).isEmpty();
    }

    private static UnitSize size(String amount, Unit unit) {
        return new UnitSize(new BigDecimal(amount), unit);
    }

    @Test
    void sizeIsOptional() {
        assertThat(LabelContent.of(TestData.item("6901234567892", "Bread", 500, null, null), PriceFormat.CODE)
                .unitPrice()).isEqualTo(Optional.empty());
    }
}
