package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.AreaProfile;

class PackLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInPackLoads() {
        Pack pack = PackLoader.builtIn();

        assertThat(pack.name()).isEqualTo("storelink corner shop");
        assertThat(pack.origin()).isEqualTo("built-in default");
        assertThat(pack.colours()).isEqualTo(new Pack.Colours("#0b6e4f", "#f2c14e", "#1b1b1b"));
        assertThat(pack.label()).isEqualTo(LabelTemplate.STANDARD);
        assertThat(pack.sign()).isEqualTo(SignTemplate.BANNER);
        assertThat(pack.logo().svg()).isPresent();
        assertThat(pack.logo().image()).hasValueSatisfying(image -> assertThat(image.getWidth()).isEqualTo(480));
        assertThat(pack.font().ttf()).isEmpty();
        assertThat(pack.rules().areas()).isEmpty();
    }

    @Test
    void aFolderPackWithEveryPartLoads() throws IOException {
        TestData.copyBuiltIn(dir, "logo.png");
        TestData.write(dir, "pack.json", """
                {"name": "Campus Fresh",
                 "colours": {"primary": "#0B6E4F", "secondary": "#f2c14e", "text": "#000000"},
                 "font": {"family": "Campus Sans"},
                 "logo": {"png": "logo.png"},
                 "label": {"template": "compact"},
                 "sign": {"template": "board"},
                 "eligibility": {"minSourcingShare": 0.4, "areas": ["student", "Office"]}}""");

        Pack pack = PackLoader.load(PackSource.folder(dir));

        assertThat(pack.colours().primary()).isEqualTo("#0b6e4f");
        assertThat(pack.label()).isEqualTo(LabelTemplate.COMPACT);
        assertThat(pack.sign()).isEqualTo(SignTemplate.BOARD);
        assertThat(pack.tagline()).isEmpty();
        assertThat(pack.rules().minSourcingShare()).contains(new BigDecimal("0.4"));
        assertThat(pack.rules().areas()).isEqualTo(Set.of(AreaProfile.STUDENT, AreaProfile.OFFICE));
        assertThat(pack.logo().svg()).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsField() throws IOException {
        TestData.write(dir, "logo.svg", "<html><body/></html>");
        TestData.write(dir, "logo.png", "not a png");
        TestData.write(dir, "pack.json", """
                {"name": "",
                 "colours": {"primary": "#12", "secondary": "green", "shade": "#000000"},
                 "font": {"family": "Evil\\"; font-size: 99", "file": "missing.ttf"},
                 "logo": {"svg": "logo.svg", "png": "logo.png"},
                 "label": {"template": "huge"},
                 "sign": {},
                 "eligibility": {"minSourcingShare": 1.5, "areas": ["student", "moon"]},
                 "motto": "x"}""");

        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).containsExactly(
                        "motto: unknown field (known: name, colours, font, logo, label, sign, eligibility)",
                        "name: must not be blank",
                        "colours.shade: unknown field (known: primary, secondary, text)",
                        "colours.primary: \"#12\" is not a colour #rrggbb",
                        "colours.secondary: \"green\" is not a colour #rrggbb",
                        "colours.text: is required",
                        "font.family: \"Evil\"; font-size: 99\" may hold only letters, digits, spaces, '.', '_' and '-'",
                        "font.file: \"missing.ttf\" not found in " + dir.toAbsolutePath().normalize(),
                        "logo.svg: \"logo.svg\" is XML, but its root element is <html>, not <svg>",
                        "logo.png: \"logo.png\" is not a PNG file",
                        "label.template: \"huge\" is not one of standard, compact",
                        "sign.template: is required",
                        "eligibility.minSourcingShare: 1.5 is not between 0 and 1",
                        "eligibility.areas[1]: unknown area profile \"moon\"; expected one of student, office,"
                                + " residential, transit, tourist, mixed"))
                .hasMessageStartingWith("branding pack " + dir.toAbsolutePath().normalize() + " is invalid: motto:");
    }

    @Test
    void missingSectionsBrokenJsonAndAMissingFileAreNamed() throws IOException {
        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems())
                        .containsExactly("pack.json: not found in " + dir.toAbsolutePath().normalize()));

        TestData.write(dir, "pack.json", "{\"name\": \"x\",");
        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems().get(0))
                        .startsWith("pack.json: not valid JSON: "));

        TestData.write(dir, "pack.json", "{\"name\": \"Only a name\", \"logo\": {}}");
        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).containsExactly(
                        "colours: is required", "font: is required",
                        "logo: needs an svg or a png file (both is best: the PDF output uses the png)",
                        "label: is required", "sign: is required"));
    }

    @Test
    void filesOutsideThePackFolderAreRefused() throws IOException {
        Path pack = Files.createDirectory(dir.resolve("pack"));
        TestData.copyBuiltIn(dir, "logo.svg");
        TestData.write(pack, "pack.json", """
                {"name": "Sneaky", "colours": {"primary": "#000000", "secondary": "#000000", "text": "#000000"},
                 "font": {"family": "Sans"}, "logo": {"svg": "../logo.svg"}, "label": {"template": "standard"},
                 "sign": {"template": "banner"}}""");

        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(pack)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).containsExactly(
                        "logo.svg: \"../logo.svg\" is not a plain file name in the pack's folder"));
    }

    @Test
    void anSvgLogoWithADoctypeIsRefused() throws IOException {
        TestData.write(dir, "logo.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>");
        TestData.write(dir, "pack.json", """
                {"name": "XXE", "colours": {"primary": "#000000", "secondary": "#000000", "text": "#000000"},
                 "font": {"family": "Sans"}, "logo": {"svg": "logo.svg"}, "label": {"template": "standard"},
                 "sign": {"template": "banner"}}""");

        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("logo.svg: \"logo.svg\" is not well-formed SVG: "));
    }

    @Test
    void aTrueTypeFontIsLoadedAndANonFontRefused() throws IOException {
        TestData.copyBuiltIn(dir, "logo.png");
        TestData.write(dir, "fake.ttf", "this is not a font at all, just some text of a reasonable length");
        TestData.write(dir, "pack.json", """
                {"name": "Fonts", "colours": {"primary": "#000000", "secondary": "#000000", "text": "#000000"},
                 "font": {"family": "Fake", "file": "fake.ttf"}, "logo": {"png": "logo.png"},
                 "label": {"template": "standard"}, "sign": {"template": "banner"}}""");
        assertThatThrownBy(() -> PackLoader.load(PackSource.folder(dir)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("font.file: \"fake.ttf\" is not a TrueType font"));

        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeThat(Files.isRegularFile(dejaVu)).as("DejaVu Sans is installed").isTrue();
        Files.copy(dejaVu, dir.resolve("DejaVuSans.ttf"));
        TestData.write(dir, "pack.json", """
                {"name": "Fonts", "colours": {"primary": "#000000", "secondary": "#000000", "text": "#000000"},
                 "font": {"family": "DejaVu Sans", "file": "DejaVuSans.ttf"}, "logo": {"png": "logo.png"},
                 "label": {"template": "standard"}, "sign": {"template": "banner"}}""");
        assertThat(PackLoader.load(PackSource.folder(dir)).font().ttf()).isPresent();
    }
}
