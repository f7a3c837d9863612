package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Gtin;

class CatalogueTest {

    @Test
    void builtInCatalogueHasValidChineseEan13sPricesAndPacks() {
        Catalogue catalogue = Catalogue.load(null);

        assertThat(catalogue.source()).isEqualTo("built-in");
        assertThat(catalogue.products()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(catalogue.products()).extracting(DemoProduct::kind).containsAll(List.of(ProductKind.values()));
        assertValid(catalogue.products());
        assertThat(catalogue.products()).filteredOn(p -> p.name().startsWith("Iced green tea"))
                .singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("Iced green tea 500 ml");
                    assertThat(p.pack()).isEqualTo("500 ml");
                    assertThat(p.basePrice()).isEqualTo(350);
                });
    }

    @Test
    void gtinsAreDerivedFromTheLabelAlone() {
        Gtin first = Catalogue.gtin("whole milk", new HashSet<>());
        assertThat(Catalogue.gtin("whole milk", new HashSet<>())).isEqualTo(first);
        assertThat(Catalogue.gtin("whole milk", new HashSet<>(Set.of(first)))).isNotEqualTo(first);
        assertThat(Catalogue.builtIn("x").products()).isEqualTo(Catalogue.builtIn("y").products());
    }

    @Test
    void readsTheGroceriesItemListWhenGiven() {
        String shared = System.getProperty("storelink.sharedData");
        Path file = shared == null ? null : Path.of(shared, "groceries", "groceries_items.csv");
        assumeTrue(file != null && Files.isReadable(file),
                "Groceries item list not found; set -Dstorelink.sharedData to the shared data folder");

        Catalogue catalogue = Catalogue.load(file);

        assertThat(catalogue.source()).isEqualTo(file.toString());
        assertThat(catalogue.products()).hasSize(169);
        assertValid(catalogue.products());
        assertThat(catalogue.products()).filteredOn(p -> p.name().startsWith("Instant food products"))
                .singleElement().extracting(DemoProduct::kind).isEqualTo(ProductKind.INSTANT_NOODLES);
        assertThat(catalogue.products()).filteredOn(p -> p.name().startsWith("whole milk"))
                .singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("whole milk 1 l");
                    assertThat(p.category()).isEqualTo("dairy produce");
                });
        // "cream cheese " keeps its trailing space for the GTIN but not on the shelf label
        assertThat(catalogue.products()).extracting(DemoProduct::name).contains("cream cheese 200 g");
    }

    @Test
    void fallsBackToTheBuiltInCatalogueWhenTheFileIsMissingOrEmpty(@TempDir Path dir) throws Exception {
        assertThat(Catalogue.load(dir.resolve("missing.csv")).source()).startsWith("built-in (").contains("not readable");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\"index\",\"labels\",\"level2\",\"level1\"\n");
        assertThat(Catalogue.load(empty).source()).contains("has no labels");
        assertThat(Catalogue.load(empty).products()).hasSizeGreaterThanOrEqualTo(150);
    }

    private static void assertValid(List<DemoProduct> products) {
        assertThat(products).extracting(DemoProduct::gtin).doesNotHaveDuplicates();
        assertThat(products).extracting(DemoProduct::name).doesNotHaveDuplicates();
        for (DemoProduct product : products) {
            String ean13 = product.gtin().toGtin13();
            assertThat(ean13).hasSize(13).startsWith("69");
            assertThat(Gtin.problem(ean13)).isEmpty();
            assertThat(product.basePrice()).isBetween(10L, 20_000L);
            assertThat(product.pack()).isNotBlank();
        }
    }
}
