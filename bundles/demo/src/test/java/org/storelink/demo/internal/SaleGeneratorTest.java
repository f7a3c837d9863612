package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

class SaleGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:30:00Z"); // 14:30 in Shanghai
    private static final Catalogue CATALOGUE = Catalogue.builtIn("built-in");
    private static DemoNetwork network;
    private static List<Sale> history;

    @BeforeAll
    static void generate() {
        network = DemoNetwork.generate(DemoFixtures.SEED, 300, CATALOGUE);
        history = new ArrayList<>();
        new SaleGenerator(network, 4).history(5, NOW).forEach(history::add);
    }

    @Test
    void theSameSeedGivesTheSameSalesAndReceiptNumbers() {
        List<Sale> again = new ArrayList<>();
        SaleGenerator.History second = new SaleGenerator(network, 4).history(5, NOW);
        second.forEach(again::add);

        assertThat(second.total()).isEqualTo(history.size());
        assertThat(again).isEqualTo(history);
        assertThat(history).extracting(Sale::saleId).doesNotHaveDuplicates();

        // a restart two days later re-creates the days both runs cover, receipt for receipt
        DemoStore store = network.stores().get(7);
        LocalDate day = LocalDate.parse("2026-11-20");
        SaleGenerator generator = new SaleGenerator(network, 4);
        assertThat(generator.day(store, day, NOW.plusSeconds(2 * 86400))).isEqualTo(generator.day(store, day, NOW));
        assertThat(generator.count(store, day, NOW)).isEqualTo(generator.day(store, day, NOW).size());
    }

    @Test
    void historyCoversTheWeeksUpToNowAtTheConfiguredVolume() {
        LocalDate today = LocalDate.parse("2026-11-26");
        assertThat(history).allSatisfy(sale -> {
            assertThat(sale.occurredAt().toInstant()).isBefore(NOW);
            assertThat(sale.occurredAt().toLocalDate()).isBetween(today.minusDays(34), today);
            assertThat(sale.occurredAt().getHour()).isBetween(7, 22);
        });
        assertThat(history).anyMatch(sale -> sale.occurredAt().toLocalDate().equals(today));
        double expected = 300 * 35 * 4.0;
        assertThat((double) history.size()).isBetween(expected * 0.9, expected * 1.1);
    }

    @Test
    void everySaleIsOneTheWebhookAccepts() {
        for (Sale sale : history.subList(0, 3000)) {
            SaleReader.Result read = SaleReader.read(Json.write(sale), sale.storeId());
            assertThat(read.violations()).as(sale.saleId()).isEmpty();
            assertThat(read.sale()).isEqualTo(sale);
            assertThat(sale.total()).isEqualTo(sale.tendered());
        }
        assertThat(history).anyMatch(sale -> sale.change() > 0)
                .anyMatch(sale -> sale.lines().stream().anyMatch(line -> line.quantity().scale() == 3));
    }

    @Test
    void studentsBuyInstantNoodlesAndOfficesCoffeeAndResidentialAreasFreshProduce() {
        Map<AreaProfile, Map<ProductKind, Double>> units = new EnumMap<>(AreaProfile.class);
        Map<AreaProfile, Double> all = new EnumMap<>(AreaProfile.class);
        Map<Gtin, ProductKind> kinds = new java.util.HashMap<>();
        CATALOGUE.products().forEach(product -> kinds.put(product.gtin(), product.kind()));
        Map<String, AreaProfile> areas = new java.util.HashMap<>();
        network.stores().forEach(store -> areas.put(store.id(), store.area()));
        for (Sale sale : history) {
            AreaProfile area = areas.get(sale.storeId());
            for (SaleLine line : sale.lines()) {
                // a weighed line counts as one item
                double quantity = line.quantity().scale() > 0 ? 1 : line.quantity().doubleValue();
                units.computeIfAbsent(area, a -> new EnumMap<>(ProductKind.class))
                        .merge(kinds.get(line.gtin()), quantity, Double::sum);
                all.merge(area, quantity, Double::sum);
            }
        }
        double studentNoodles = share(units, all, AreaProfile.STUDENT, ProductKind.INSTANT_NOODLES);
        double officeNoodles = share(units, all, AreaProfile.OFFICE, ProductKind.INSTANT_NOODLES);
        assertThat(studentNoodles).isGreaterThan(2 * officeNoodles);
        assertThat(share(units, all, AreaProfile.STUDENT, ProductKind.ENERGY_DRINKS))
                .isGreaterThan(2 * share(units, all, AreaProfile.RESIDENTIAL, ProductKind.ENERGY_DRINKS));
        assertThat(share(units, all, AreaProfile.OFFICE, ProductKind.COFFEE_TEA))
                .isGreaterThan(2 * share(units, all, AreaProfile.STUDENT, ProductKind.COFFEE_TEA));
        assertThat(share(units, all, AreaProfile.RESIDENTIAL, ProductKind.FRESH_PRODUCE))
                .isGreaterThan(3 * share(units, all, AreaProfile.OFFICE, ProductKind.FRESH_PRODUCE));
        assertThat(share(units, all, AreaProfile.TRANSIT, ProductKind.DRINKS))
                .isGreaterThan(2 * share(units, all, AreaProfile.RESIDENTIAL, ProductKind.DRINKS));
    }

    @Test
    void pricesVaryByRegionAndPromotionWeeks() {
        Gtin best = history.get(0).lines().get(0).gtin();
        Set<Long> prices = new HashSet<>();
        Map<String, Set<Long>> byStore = new java.util.HashMap<>();
        for (Sale sale : history) {
            for (SaleLine line : sale.lines()) {
                if (line.gtin().equals(best)) {
                    prices.add(line.unitPrice());
                    byStore.computeIfAbsent(sale.storeId(), s -> new HashSet<>()).add(line.unitPrice());
                }
            }
        }
        assertThat(prices).hasSizeGreaterThanOrEqualTo(5);
        assertThat(byStore.values()).anyMatch(storePrices -> storePrices.size() >= 2);
        assertThat(history.stream().flatMap(s -> s.lines().stream()).map(SaleLine::quantity))
                .allMatch(q -> q.signum() > 0 && q.compareTo(BigDecimal.TEN) < 0);
    }

    private static double share(Map<AreaProfile, Map<ProductKind, Double>> units, Map<AreaProfile, Double> all,
                                AreaProfile area, ProductKind kind) {
        return units.get(area).getOrDefault(kind, 0.0) / all.get(area);
    }
}
