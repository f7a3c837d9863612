package org.storelink.baskets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiningParametersTest {

    @ParameterizedTest(name = "ceil({1} x {0}) = {2}")
    @CsvSource({
            // arules' Groceries threshold; in doubles 9835 * 0.001 is 9.835000000000001, still 10
            "0.001, 9835, 10",
            // doubles would say 7.000000000000001 and round up to 8
            "0.07, 100, 7",
            // doubles would say 3.0000000000000004 and round up to 4
            "0.3, 10, 3",
            "0.1, 30, 3",
            "0.0011, 9835, 11",
            "0.001, 1000, 1",
            "0.001, 1001, 2",
            "1, 7, 7",
            "0.5, 1, 1",
            // at least one basket, however small the support
            "0.000000001, 9835, 1",
            "0.5, 0, 1",
    })
    void supportBecomesABasketCountRoundedUp(double support, int baskets, int count) {
        assertThat(MiningParameters.of(support, 0.5).minCount(baskets)).isEqualTo(count);
    }

    @Test
    void doublesAreReadAsTheirDecimalForm() {
        assertThat(MiningParameters.of(0.001, 0.5).minSupport()).isEqualByComparingTo("0.001");
        assertThat(MiningParameters.of(0.001, 0.5).maxLength()).isEqualTo(10).isEqualTo(MiningParameters.DEFAULT_MAX_LENGTH);
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> MiningParameters.of(0, 0.5)).hasMessageContaining("support");
        assertThatThrownBy(() -> MiningParameters.of(1.01, 0.5)).hasMessageContaining("support");
        assertThatThrownBy(() -> MiningParameters.of(Double.NaN, 0.5)).hasMessageContaining("support");
        assertThatThrownBy(() -> MiningParameters.of(0.1, -0.1)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> MiningParameters.of(0.1, 1.5)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> MiningParameters.of(0.1, 0.5, 0)).hasMessageContaining("length");
        assertThatThrownBy(() -> new MiningParameters(null, BigDecimal.ONE, 3)).isInstanceOf(NullPointerException.class);
    }
}
