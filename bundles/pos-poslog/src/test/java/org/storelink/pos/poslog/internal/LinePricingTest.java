package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.storelink.model.SaleLine;
import org.storelink.pos.poslog.internal.LinePricing.Priced;

class LinePricingTest {

    private static long amount(BigDecimal quantity, Priced priced) {
        return new SaleLine(1, null, null, quantity, priced.unitPrice(), priced.discount(), null, null).amount();
    }

    @Test
    void theFirstStatedPriceThatReachesTheAmountWinsAndTheRestIsDiscount() {
        BigDecimal two = new BigDecimal("2");
        assertThat(LinePricing.fit(two, 348, Arrays.asList(null, 199L, 150L))).isEqualTo(new Priced(199, 50));
        // The regular price is too low for the amount; the actual price is next.
        assertThat(LinePricing.fit(two, 500, List.of(199L, 250L))).isEqualTo(new Priced(250, 0));
    }

    @Test
    void withoutAFittingPriceTheSmallestThatReachesTheAmountIsUsed() {
        assertThat(LinePricing.fit(new BigDecimal("0.56"), 648, List.of(1099L))).isEqualTo(new Priced(1157, 0));
        assertThat(LinePricing.fit(BigDecimal.ONE, 926, List.of())).isEqualTo(new Priced(926, 0));
        // 3 x 33 = 99 < 100, so 34 is the price and one cent comes off.
        assertThat(LinePricing.fit(new BigDecimal("3"), 100, List.of())).isEqualTo(new Priced(34, 2));
        assertThat(LinePricing.fit(BigDecimal.ONE, 0, List.of())).isEqualTo(new Priced(0, 0));
    }

    @Test
    void theCanonicalAmountAlwaysEqualsTheStatedAmount() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4));
            long net = random.nextInt(1_000_000);
            Long regular = random.nextBoolean() ? null : (long) random.nextInt(100_000);
            Priced priced = LinePricing.fit(quantity, net, Arrays.asList(regular));
            assertThat(priced).isNotNull();
            assertThat(priced.discount()).isNotNegative();
            assertThat(amount(quantity, priced)).as("%s for %s", quantity, net).isEqualTo(net);
        }
    }

    @Test
    void anAmountNoLongPriceCanReachIsNoPrice() {
        assertThat(LinePricing.fit(new BigDecimal("0.000000000000000000001"), 10_000_000_000_000L, List.of()))
                .isNull();
    }
}
