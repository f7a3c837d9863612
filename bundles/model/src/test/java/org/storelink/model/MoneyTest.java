package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void exponentFollowsTheCurrency() {
        assertThat(Money.exponent("CNY")).isEqualTo(2);
        assertThat(Money.exponent("USD")).isEqualTo(2);
        assertThat(Money.exponent("JPY")).isEqualTo(0);
        assertThat(Money.exponent("KWD")).isEqualTo(3);
    }

    @Test
    void unknownOrUnitlessCurrenciesAreRejected() {
        assertThatThrownBy(() -> Money.exponent("XYZ")).hasMessage("unknown ISO 4217 code \"XYZ\"");
        assertThatThrownBy(() -> Money.exponent("cny")).hasMessageContaining("unknown ISO 4217 code");
        assertThatThrownBy(() -> Money.exponent("XXX")).hasMessageContaining("has no minor unit");
        assertThatThrownBy(() -> Money.exponent(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsWithTheCurrencysDecimals() {
        assertThat(new Money(700, "CNY").format()).isEqualTo("CNY 7.00");
        assertThat(new Money(700, "JPY").format()).isEqualTo("JPY 700");
        assertThat(new Money(1250, "KWD").format()).isEqualTo("KWD 1.250");
        assertThat(new Money(-5, "CNY").format()).isEqualTo("CNY -0.05");
        assertThat(new Money(0, "CNY").format()).isEqualTo("CNY 0.00");
    }

    @Test
    void parseMajorConvertsExactly() {
        assertThat(Money.parseMajor("0.10", "CNY")).isEqualTo(10);
        assertThat(Money.parseMajor("7.00", "CNY")).isEqualTo(700);
        assertThat(Money.parseMajor("7", "CNY")).isEqualTo(700);
        assertThat(Money.parseMajor("-0.05", "CNY")).isEqualTo(-5);
        assertThat(Money.parseMajor("700", "JPY")).isEqualTo(700);
        assertThat(Money.parseMajor("1.250", "KWD")).isEqualTo(1250);
        // Zeros that change nothing are not a loss of precision.
        assertThat(Money.parseMajor("700.00", "JPY")).isEqualTo(700);
    }

    @Test
    void parseMajorRefusesDigitsTheCurrencyCannotHold() {
        assertThatThrownBy(() -> Money.parseMajor("1.005", "CNY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> Money.parseMajor("7.5", "JPY")).hasMessageContaining("more than 0 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "7,00", "1e3", " 7.00", "7.", ".5", "+7", "NaN"})
    void parseMajorRefusesWhatIsNotAPlainDecimal(String text) {
        assertThatThrownBy(() -> Money.parseMajor(text, "CNY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain decimal");
    }

    @Test
    void parseMajorRefusesValuesBeyondALong() {
        assertThatThrownBy(() -> Money.parseMajor("100000000000000000", "CNY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void addsAndSubtractsInOneCurrency() {
        Money seven = new Money(700, "CNY");
        assertThat(seven.plus(new Money(5, "CNY"))).isEqualTo(new Money(705, "CNY"));
        assertThat(seven.minus(new Money(705, "CNY"))).isEqualTo(new Money(-5, "CNY"));
    }

    @Test
    void currencyMismatchIsRejected() {
        Money yuan = new Money(700, "CNY");
        assertThatThrownBy(() -> yuan.plus(new Money(700, "JPY"))).hasMessageContaining("CNY").hasMessageContaining("JPY");
        assertThatThrownBy(() -> yuan.minus(new Money(700, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, "CNY").plus(new Money(1, "CNY")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE, "CNY").minus(new Money(1, "CNY")))
                .isInstanceOf(ArithmeticException.class);
    }
}
