package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {
    private static final URI PAX_WEB = URI.create("http://localhost:8181");

    @Test
    void defaultsAreTheDocumentedOnes() {
        DemoSettings settings = DemoSettings.of(DemoFixtures.config(Map.of()), Optional.empty(), () -> PAX_WEB);

        assertThat(settings.stores()).isEqualTo(300);
        assertThat(settings.seed()).isEqualTo(20261126L);
        assertThat(settings.weeks()).isEqualTo(4);
        assertThat(settings.salesPerStoreDay()).isEqualTo(2);
        assertThat(settings.rate()).isEqualTo(400);
        assertThat(settings.concurrency()).isEqualTo(16);
        assertThat(settings.livePerMinute()).isEqualTo(30);
        assertThat(settings.catalogue()).isEmpty();
        assertThat(settings.endpoint()).isEqualTo(PAX_WEB);
    }

    @Test
    void theCatalogueDefaultsToTheSharedGroceriesList() {
        assertThat(DemoSettings.of(DemoFixtures.config(Map.of()), Optional.of("/srv/shared"), () -> PAX_WEB)
                .catalogue()).contains(Path.of("/srv/shared/groceries/groceries_items.csv"));
        assertThat(DemoSettings.of(DemoFixtures.config(Map.of("catalogue_file", "/x/items.csv",
                "endpoint", "http://127.0.0.1:28181")), Optional.of("/srv/shared"), () -> {
                    throw new AssertionError("not asked when an endpoint is configured");
                })).satisfies(settings -> {
                    assertThat(settings.catalogue()).contains(Path.of("/x/items.csv"));
                    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:28181"));
                });
    }

    @Test
    void refusesAnInvalidConfigurationWithEveryProblem() {
        assertThatThrownBy(() -> DemoSettings.of(DemoFixtures.config(Map.of("stores", 0, "weeks", 60,
                "rate", -1.0, "live_per_minute", -2.0, "endpoint", "ftp://x")), Optional.empty(), () -> PAX_WEB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stores: 0 is outside 1-9999")
                .hasMessageContaining("weeks: 60 is outside 1-52")
                .hasMessageContaining("rate: -1.0 must be above 0")
                .hasMessageContaining("live.per.minute: -2.0 must be 0 or more")
                .hasMessageContaining("endpoint: \"ftp://x\" must be an http(s) URL");
    }

    @Test
    void writesTheFragmentOnlyWhenItsContentChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.d").resolve(DemoComponent.FRAGMENT);
        byte[] content = DemoFixtures.fragment(30, new byte[32]);

        assertThat(DemoComponent.writeIfChanged(file, content)).isTrue();
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        assertThat(DemoComponent.writeIfChanged(file, DemoFixtures.fragment(30, new byte[32]))).isFalse();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }

        assertThat(DemoComponent.writeIfChanged(file, DemoFixtures.fragment(31, new byte[32]))).isTrue();
        assertThat(Files.readAllBytes(file)).isNotEqualTo(content);
    }
}
