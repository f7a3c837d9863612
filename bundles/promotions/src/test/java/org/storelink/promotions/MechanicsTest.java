package org.storelink.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The discount each mechanics grants on a line, in minor units (fen). */
class MechanicsTest {

    private static BigDecimal q(String quantity) {
        return new BigDecimal(quantity);
    }

    @Test
    void percentOffRoundsHalfUpToAWholeMinorUnit() {
        Mechanics fifteen = new Mechanics.PercentOff(15);
        assertThat(fifteen.discount(q("3"), 350)).isEqualTo(158); // 1050 * 0.15 = 157.5
        assertThat(fifteen.discount(q("2"), 350)).isEqualTo(105);
        assertThat(fifteen.discount(q("1"), 3)).isEqualTo(0); // 0.45
        assertThat(fifteen.discount(q("0.532"), 2000)).isEqualTo(160); // 1064 * 0.15 = 159.6
        assertThat(new Mechanics.PercentOff(99).discount(q("1"), 1)).isEqualTo(1);
        assertThat(fifteen.describe()).isEqualTo("15% off");
    }

    @Test
    void fixedPriceTakesOffTheDifferencePerUnit() {
        Mechanics each = new Mechanics.FixedPrice(299, "CNY");
        assertThat(each.discount(q("2"), 350)).isEqualTo(102);
        assertThat(each.discount(q("1"), 250)).isEqualTo(0); // already cheaper
        assertThat(each.discount(q("1.5"), 399)).isEqualTo(150);
        assertThat(each.describe()).isEqualTo("CNY 2.99 each");
        assertThat(new Mechanics.FixedPrice(300, "JPY").describe()).isEqualTo("JPY 300 each");
    }

    @Test
    void buyXGetYGivesFreeUnitsPerCompleteGroup() {
        Mechanics twoPlusOne = new Mechanics.BuyXGetY(2, 1);
        assertThat(twoPlusOne.discount(q("2"), 350)).isEqualTo(0);
        assertThat(twoPlusOne.discount(q("3"), 350)).isEqualTo(350);
        assertThat(twoPlusOne.discount(q("7"), 350)).isEqualTo(700);
        assertThat(twoPlusOne.discount(q("6.9"), 350)).isEqualTo(700); // whole units only
        assertThat(new Mechanics.BuyXGetY(1, 1).discount(q("4"), 199)).isEqualTo(398);
        assertThat(twoPlusOne.describe()).isEqualTo("buy 2 get 1 free");
    }

    @Test
    void bundlePriceSavesPerCompleteBundle() {
        Mechanics threeForNine = new Mechanics.BundlePrice(3, 900, "CNY");
        assertThat(threeForNine.discount(q("3"), 350)).isEqualTo(150);
        assertThat(threeForNine.discount(q("7"), 350)).isEqualTo(300);
        assertThat(threeForNine.discount(q("2"), 350)).isEqualTo(0);
        assertThat(threeForNine.discount(q("3"), 250)).isEqualTo(0); // the bundle would cost more
        assertThat(threeForNine.describe()).isEqualTo("3 for CNY 9.00");
    }

    @Test
    void aVoidingLineGetsTheExactNegativeAndNothingExceedsTheGross() {
        assertThat(new Mechanics.PercentOff(15).discount(q("-3"), 350)).isEqualTo(-158);
        assertThat(new Mechanics.BuyXGetY(2, 1).discount(q("-3"), 350)).isEqualTo(-350);
        assertThat(new Mechanics.FixedPrice(1, "CNY").discount(q("0.001"), 100)).isEqualTo(0);
        assertThat(new Mechanics.PercentOff(50).discount(q("0"), 350)).isEqualTo(0);
        assertThat(new Mechanics.BuyXGetY(1, 100).discount(q("101"), 10)).isLessThanOrEqualTo(1010);
    }
}
