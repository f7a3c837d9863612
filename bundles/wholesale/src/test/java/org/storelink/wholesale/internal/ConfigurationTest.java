package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Money;
import org.storelink.model.json.Json;

class ConfigurationTest {

    @Test
    void theSuppliersFileGivesFormatsChannelsRegionsAndTiers() throws Exception {
        List<Supplier> suppliers = TestWorld.suppliers();
        assertThat(suppliers).extracting(Supplier::id).containsExactly("acme", "beta");
        Supplier beta = suppliers.get(1);
        assertThat(beta.format()).isEqualTo(DocumentFormat.EDIFACT);
        assertThat(beta.channel().type()).isEqualTo(Channel.Type.SFTP);
        assertThat(beta.channel().describe()).isEqualTo("sftp sftp://edi.beta.example:22/in");
        assertThat(beta.serves("west")).isTrue();
        assertThat(beta.serves("east")).isFalse();
        CatalogProduct tea = suppliers.get(0).product(TestWorld.TEA).orElseThrow();
        assertThat(tea.unitPrice(24)).isEqualTo(new Money(250, "CNY"));
        assertThat(tea.unitPrice(239)).isEqualTo(new Money(250, "CNY"));
        assertThat(tea.unitPrice(240)).isEqualTo(new Money(230, "CNY"));
        // east buys tea from acme (beta does not serve it), west from beta
        Catalogs catalogs = new Catalogs(suppliers);
        assertThat(catalogs.offer(TestWorld.TEA, "east").orElseThrow().supplier().id()).isEqualTo("acme");
        assertThat(catalogs.offer(TestWorld.TEA, "west").orElseThrow().supplier().id()).isEqualTo("beta");
    }

    @Test
    void aBadSuppliersFileNamesEveryProblem() {
        String file = """
                {"suppliers": [
                  {"id": "Acme", "format": "x12", "channel": {"type": "ftp"}, "products": []},
                  {"id": "ok", "channel": {"type": "http", "url": "ftp://x", "headers": {"k": 1}},
                   "products": [{"gtin": "6901234567892", "name": "Tea", "packSize": 24, "leadTimeDays": 400,
                                 "currency": "CNY", "tiers": [{"minQuantity": 48, "unitPrice": 1}]}]}
                ]}
                """;
        assertThatThrownBy(() -> CatalogReader.suppliersFile(Json.mapper().readTree(file)))
                .hasMessageContaining("suppliers[0].id: must be lowercase letters")
                .hasMessageContaining("suppliers[0].format: must be ubl or edifact, got 'x12'")
                .hasMessageContaining("suppliers[0].channel.type: must be partner, sftp or http, got 'ftp'")
                .hasMessageContaining("suppliers[1].channel.url: must be an http:// or https:// URL")
                .hasMessageContaining("suppliers[1].channel.headers.k: must be a string")
                .hasMessageContaining("suppliers[1].products[0].leadTimeDays: must be from 0 to 365, is 400")
                .hasMessageContaining("suppliers[1].products[0].tiers[0].minQuantity: the first tier must start at"
                        + " or below one pack (24)");
    }

    @Test
    void theSourcingFileAndAMissingFile(@TempDir Path dir) throws Exception {
        assertThat(ConfigFiles.sourcing(dir.resolve("absent.json"))).isEmpty();
        assertThat(ConfigFiles.suppliers(dir.resolve("absent.json"))).isEmpty();
        Path file = dir.resolve("storelink-sourcing.json");
        Files.writeString(file, "{\"stores\": {\"s1\": 0.6, \"s2\": 1}}");
        assertThat(ConfigFiles.sourcing(file)).containsEntry("s1", new BigDecimal("0.6"))
                .containsEntry("s2", new BigDecimal("1"));
        Files.writeString(file, "{\"stores\": {\"s1\": 1.2, \"s2\": \"half\"}, \"x\": 1}");
        assertThatThrownBy(() -> ConfigFiles.sourcing(file))
                .hasMessageContaining("stores.s1: must be from 0 to 1, is 1.2")
                .hasMessageContaining("stores.s2: must be a number from 0 to 1")
                .hasMessageContaining("x: unknown field");
    }

    private static WholesaleConfig config(String cron, String zone, String serviceLevel, int history) {
        return new WholesaleConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WholesaleConfig.class;
            }

            @Override
            public String cutoff_cron() {
                return cron;
            }

            @Override
            public String cutoff_zone() {
                return zone;
            }

            @Override
            public String serviceLevel() {
                return serviceLevel;
            }

            @Override
            public int reviewPeriodDays() {
                return 7;
            }

            @Override
            public int historyDays() {
                return history;
            }

            @Override
            public String buyer_id() {
                return "6900000000018";
            }

            @Override
            public String buyer_name() {
                return "storelink";
            }

            @Override
            public String suppliersFile() {
                return "storelink-suppliers.json";
            }

            @Override
            public String sourcingFile() {
                return "/srv/sourcing.json";
            }

            @Override
            public int maxDeliveryAttempts() {
                return 5;
            }

            @Override
            public int concurrentConsumers() {
                return 1;
            }
        };
    }

    @Test
    void settingsAreCheckedAllAtOnce() {
        WholesaleSettings settings = WholesaleSettings.from(config("0 0 18 * * ?", "Asia/Shanghai", "0.95", 28),
                Path.of("/opt/karaf/etc"));
        assertThat(settings.z()).isEqualByComparingTo("1.645");
        assertThat(settings.suppliersFile()).isEqualTo(Path.of("/opt/karaf/etc/storelink-suppliers.json"));
        assertThat(settings.sourcingFile()).isEqualTo(Path.of("/srv/sourcing.json"));
        assertThat(WholesaleSettings.from(config("off", "UTC", "0.9", 28), null).cutoffEnabled()).isFalse();
        assertThatThrownBy(() -> WholesaleSettings.from(config("0 0 18 * *", "Mars/Olympus", "1.5", 3), null))
                .hasMessageContaining("cutoff.cron: cron \"0 0 18 * *\": must have 6 or 7 fields")
                .hasMessageContaining("cutoff.zone: 'Mars/Olympus' is not a time zone id")
                .hasMessageContaining("serviceLevel: must be at least 0.5 and below 1, is 1.5")
                .hasMessageContaining("historyDays: must be from 7 to 366, is 3");
    }
}
