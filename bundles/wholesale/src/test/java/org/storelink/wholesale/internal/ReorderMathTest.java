package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReorderMathTest {

    private static List<BigDecimal> units(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void meanAndSampleStandardDeviationOfKnownData() {
        // mean 5; squared deviations 1,1,0,0,1,1,0,0 = 4; sample variance 4/7; sigma 0.755929
        ReorderMath.Demand demand = ReorderMath.demand(units(4, 6, 5, 5, 4, 6, 5, 5));
        assertThat(demand.mean()).isEqualByComparingTo("5");
        assertThat(ReorderMath.display(demand.sigma())).isEqualByComparingTo("0.756");
    }

    @Test
    void reorderPointIsLeadTimeDemandPlusSafetyStock() {
        ReorderMath.Demand demand = ReorderMath.demand(units(4, 6, 5, 5, 4, 6, 5, 5));
        BigDecimal z = new BigDecimal("1.645");
        // 5 x 4 + 1.645 x 0.755929 x 2 = 22.48701
        BigDecimal reorderPoint = ReorderMath.reorderPoint(demand, 4, z);
        assertThat(ReorderMath.display(reorderPoint)).isEqualByComparingTo("22.487");
        // plus 7 days of review period demand: 57.487
        BigDecimal target = ReorderMath.target(reorderPoint, demand, 7);
        assertThat(ReorderMath.display(target)).isEqualByComparingTo("57.487");
        // position 10: need 47.487, packs of 12 -> 4 packs = 48 units
        assertThat(ReorderMath.orderQuantity(BigDecimal.TEN, reorderPoint, target, 12)).isEqualTo(48);
        // above the reorder point: nothing to order
        assertThat(ReorderMath.orderQuantity(new BigDecimal("22.5"), reorderPoint, target, 12)).isZero();
        // exactly at the reorder point: order up to the target
        assertThat(ReorderMath.orderQuantity(reorderPoint, reorderPoint, target, 12)).isEqualTo(36);
    }

    @Test
    void steadyDemandNeedsNoSafetyStockAndNoHistoryNothing() {
        ReorderMath.Demand steady = ReorderMath.demand(units(3, 3, 3, 3));
        assertThat(steady.sigma()).isEqualByComparingTo("0");
        assertThat(ReorderMath.reorderPoint(steady, 2, new BigDecimal("1.645"))).isEqualByComparingTo("6");
        ReorderMath.Demand none = ReorderMath.demand(List.of());
        assertThat(ReorderMath.orderQuantity(BigDecimal.ZERO, ReorderMath.reorderPoint(none, 3, BigDecimal.ONE),
                ReorderMath.target(BigDecimal.ZERO, none, 7), 6)).isZero();
    }

    @Test
    void roundsUpToWholePacks() {
        assertThat(ReorderMath.roundUpToPacks(new BigDecimal("1"), 24)).isEqualTo(24);
        assertThat(ReorderMath.roundUpToPacks(new BigDecimal("24"), 24)).isEqualTo(24);
        assertThat(ReorderMath.roundUpToPacks(new BigDecimal("24.001"), 24)).isEqualTo(48);
        assertThat(ReorderMath.roundUpToPacks(new BigDecimal("0"), 24)).isZero();
        assertThat(ReorderMath.roundUpToPacks(new BigDecimal("7"), 1)).isEqualTo(7);
    }

    @Test
    void safetyFactorsOfCommonServiceLevels() {
        assertThat(ServiceLevel.z(new BigDecimal("0.95"))).isEqualByComparingTo("1.645");
        assertThat(ServiceLevel.z(new BigDecimal("0.90"))).isEqualByComparingTo("1.282");
        assertThat(ServiceLevel.z(new BigDecimal("0.975"))).isEqualByComparingTo("1.960");
        assertThat(ServiceLevel.z(new BigDecimal("0.99"))).isEqualByComparingTo("2.326");
        assertThat(ServiceLevel.z(new BigDecimal("0.999"))).isEqualByComparingTo("3.090");
        assertThat(ServiceLevel.z(new BigDecimal("0.5"))).isEqualByComparingTo("0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceLevel.z(BigDecimal.ONE))
                .hasMessageContaining("serviceLevel: must be at least 0.5 and below 1");
    }
}
