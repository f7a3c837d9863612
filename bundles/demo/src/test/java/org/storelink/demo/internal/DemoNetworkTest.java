package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;

class DemoNetworkTest {
    private static final Catalogue CATALOGUE = Catalogue.builtIn("built-in");

    @Test
    void theSameSeedGivesTheSameNetworkAndFragment() {
        DemoNetwork one = DemoNetwork.generate(DemoFixtures.SEED, 300, CATALOGUE);
        DemoNetwork two = DemoNetwork.generate(DemoFixtures.SEED, 300, CATALOGUE);
        DemoNetwork other = DemoNetwork.generate(DemoFixtures.SEED + 1, 300, CATALOGUE);
        Map<String, String> secrets = new HashMap<>();
        one.stores().forEach(store -> secrets.put(store.id(), "secret-of-" + store.id()));

        assertThat(two.stores()).hasSize(300);
        for (int i = 0; i < 300; i++) {
            DemoStore a = one.stores().get(i);
            DemoStore b = two.stores().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.area()).isEqualTo(a.area());
            assertThat(b.coordinates()).isEqualTo(a.coordinates());
            assertThat(b.assortment()).isEqualTo(a.assortment());
            assertThat(b.prices()).isEqualTo(a.prices());
        }
        assertThat(DemoComponent.fragmentBytes(two, secrets)).isEqualTo(DemoComponent.fragmentBytes(one, secrets));
        assertThat(other.stores()).extracting(DemoStore::area)
                .isNotEqualTo(one.stores().stream().map(DemoStore::area).toList());
    }

    @Test
    void areaProfilesFollowTheirSharesInEveryRegion() {
        DemoNetwork network = DemoNetwork.generate(DemoFixtures.SEED, 300, CATALOGUE);

        Map<String, Long> byRegion = network.stores().stream()
                .collect(Collectors.groupingBy(DemoStore::region, Collectors.counting()));
        assertThat(byRegion).containsOnly(Map.entry("demo-east", 100L), Map.entry("demo-south", 100L),
                Map.entry("demo-west", 100L));
        Map<AreaProfile, Long> byArea = network.stores().stream()
                .collect(Collectors.groupingBy(DemoStore::area, Collectors.counting()));
        assertThat(byArea).containsOnly(Map.entry(AreaProfile.STUDENT, 45L), Map.entry(AreaProfile.OFFICE, 75L),
                Map.entry(AreaProfile.RESIDENTIAL, 135L), Map.entry(AreaProfile.TRANSIT, 45L));
        assertThat(DemoNetwork.quota(7)).hasSize(7);
        assertThat(DemoNetwork.quota(1)).containsExactly(AreaProfile.RESIDENTIAL);
    }

    @Test
    void storesCarryAnAssortmentAndPriceWithinTheRegionalSpread() {
        DemoNetwork network = DemoNetwork.generate(DemoFixtures.SEED, 300, CATALOGUE);
        Map<String, double[]> regionRatio = new HashMap<>();
        for (DemoStore store : network.stores()) {
            assertThat(store.assortment().length).isBetween(DemoNetwork.MIN_ASSORTMENT, DemoNetwork.MAX_ASSORTMENT);
            assertThat(store.assortment()).doesNotHaveDuplicates();
            assertThat(store.weights()[store.weights().length - 1]).isEqualTo(1.0);
            assertThat(store.zone().getId()).isEqualTo("Asia/Shanghai");
            for (int j = 0; j < store.assortment().length; j++) {
                DemoProduct product = CATALOGUE.products().get(store.assortment()[j]);
                double ratio = (double) store.prices()[j] / product.basePrice();
                // +-15% by region, a few percent by store, rounding to whole jiao
                assertThat(ratio).isBetween(0.75, 1.30);
                double[] sum = regionRatio.computeIfAbsent(store.region(), r -> new double[2]);
                sum[0] += ratio;
                sum[1]++;
            }
        }
        regionRatio.values().forEach(sum -> assertThat(sum[0] / sum[1]).isCloseTo(1.0, within(0.06)));
    }
}
