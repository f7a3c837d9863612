package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandingConfigValidatorTest {
    private static final Set<String> REGIONS = Set.of("east", "west");
    private static final String PID = "org.storelink.branding~east";

    @TempDir
    Path etc;

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void aMinimalConfigurationUsesTheDefaultsAndTheBuiltInPack() {
        BrandingConfigValidator.Checked checked = BrandingConfigValidator.check(config("region", "east"), REGIONS,
                PID, etc);

        assertThat(checked.problems()).isEmpty();
        BrandingSettings settings = checked.settings().orElseThrow();
        assertThat(settings.packDir()).isEmpty();
        assertThat(settings.packSource().describe()).isEqualTo("built-in default");
        assertThat(settings.minSourcingShare()).isEqualByComparingTo("0");
        assertThat(settings.labelWidthMm()).isEqualTo(60);
        assertThat(settings.labelHeightMm()).isEqualTo(40);
        assertThat(settings.priceFormat()).isEqualTo(PriceFormat.CODE);
        assertThat(checked.pack()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("storelink corner shop"));
    }

    @Test
    void typedAndTextValuesAreRead() {
        BrandingSettings settings = BrandingConfigValidator.check(config("region", "east", "min.sourcing.share", 0.35d,
                "sourcing.shares", new String[] {"sh-campus-001=0.4", "sh-station-002=0.125,cd-office-001=1"},
                "label.size.mm", "70 x 50", "currency.display", "Symbol"), REGIONS, PID, etc).settings().orElseThrow();

        assertThat(settings.minSourcingShare()).isEqualTo(new BigDecimal("0.35"));
        assertThat(settings.sourcingShares()).containsOnly(Map.entry("sh-campus-001", new BigDecimal("0.4")),
                Map.entry("sh-station-002", new BigDecimal("0.125")), Map.entry("cd-office-001", BigDecimal.ONE));
        assertThat(settings.labelWidthMm()).isEqualTo(70);
        assertThat(settings.labelHeightMm()).isEqualTo(50);
        assertThat(settings.priceFormat()).isEqualTo(PriceFormat.SYMBOL);
    }

    @Test
    void everyProblemNamesItsKey() {
        assertThat(BrandingConfigValidator.problems(config("region", "nowhere", "pack.dir", "/no/such/folder",
                "min.sourcing.share", "1.5", "sourcing.shares", "sh-campus-001=abc,sh-station-002,bad id=0.1,"
                        + "sh-campus-001=0.2,x=-0.1",
                "label.size.mm", "60by40", "currency.display", "emoji"), REGIONS, null, etc)).containsExactly(
                "region: \"nowhere\" is not a region of the store registry (known: east, west)",
                "pack.dir: \"/no/such/folder\" is not a folder (/no/such/folder)",
                "min.sourcing.share: 1.5 is not between 0 and 1",
                "sourcing.shares: sh-campus-001: \"abc\" is not a number",
                "sourcing.shares: \"sh-station-002\" is not storeId=share",
                "sourcing.shares: \"bad id\" is not a store id",
                "sourcing.shares: x: -0.1 is not between 0 and 1",
                "label.size.mm: \"60by40\" is not WIDTHxHEIGHT in mm, such as 60x40",
                "currency.display: \"emoji\" is not one of code, symbol");
        assertThat(BrandingConfigValidator.problems(config(), REGIONS, PID, etc)).containsExactly("region: is required");
        assertThat(BrandingConfigValidator.problems(config("region", "west"), REGIONS, PID, etc)).containsExactly(
                "region: \"west\" does not match the configuration's name \"east\" (org.storelink.branding-east.cfg)");
        assertThat(BrandingConfigValidator.problems(config("region", "east", "label.size.mm", "30x20"), REGIONS, PID,
                etc)).containsExactly("label.size.mm: 30x20 is smaller than 40x30, too small for a scannable EAN-13");
        assertThat(BrandingConfigValidator.problems(config("region", "east", "label.size.mm", "200x40"), REGIONS, PID,
                etc)).containsExactly("label.size.mm: 200x40 does not fit on an A4 page within its margins (190x277"
                + " at most)");
    }

    @Test
    void aStoreListedTwiceIsAProblem() {
        assertThat(BrandingConfigValidator.problems(config("region", "east", "sourcing.shares",
                "sh-campus-001=0.1,sh-campus-001=0.2"), REGIONS, PID, etc))
                .containsExactly("sourcing.shares: sh-campus-001 is listed twice");
    }

    @Test
    void theRegionsFolderUnderEtcIsUsedAndItsPackProblemsAreTheConfigurations() throws IOException {
        Path regional = Files.createDirectories(etc.resolve("branding").resolve("east"));
        TestData.write(regional, "pack.json", "{\"name\": \"East\"}");

        assertThat(BrandingConfigValidator.problems(config("region", "east"), REGIONS, PID, etc)).containsExactly(
                "pack: " + regional + ": colours: is required",
                "pack: " + regional + ": font: is required",
                "pack: " + regional + ": logo: is required",
                "pack: " + regional + ": label: is required",
                "pack: " + regional + ": sign: is required");

        Path other = Files.createDirectories(etc.resolve("packs-elsewhere"));
        assertThat(BrandingConfigValidator.problems(config("region", "east", "pack.dir", other.toString()), REGIONS,
                PID, etc)).containsExactly("pack.dir: " + other + ": pack.json: not found in " + other);
    }

    @Test
    void aRelativePackDirIsUnderKarafsHome() throws IOException {
        Path home = etc.resolve("home");
        Path homeEtc = Files.createDirectories(home.resolve("etc"));
        Path packs = Files.createDirectories(home.resolve("branding-packs/east"));
        for (String file : new String[] {"pack.json", "logo.svg", "logo.png"}) {
            TestData.copyBuiltIn(packs, file);
        }

        BrandingConfigValidator.Checked checked = BrandingConfigValidator.check(config("region", "east", "pack.dir",
                "branding-packs/east"), REGIONS, PID, homeEtc);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.settings().orElseThrow().packDir()).contains(packs);
    }
}
